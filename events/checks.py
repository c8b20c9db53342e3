"""System checks for what the events app needs of the machine it runs on."""

from django.core import checks
from PIL import features


@checks.register()
def boarding_pass_shaping(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Arabic boarding passes need libraqm (bundled in Pillow's wheels), which needs the
    system's FriBiDi; without it their letters come out unjoined and in the wrong order."""
    if features.check("raqm"):
        return []
    return [
        checks.Warning(
            "Pillow cannot shape text (libraqm is not available): Arabic boarding passes "
            "will be drawn unjoined and out of order.",
            hint="Install FriBiDi (Debian: apt-get install libfribidi0) and restart.",
            id="events.W001",
        )
    ]
