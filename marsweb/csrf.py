"""Cross-site protection for the public forms (an event's RSVP, "light your town red")
with no per-visitor token in the page: the page is the same bytes for everyone, so a CDN
can keep it on landing night.

A browser says where a POST comes from. Every current one sends ``Sec-Fetch-Site``;
older ones send ``Origin``. A POST from this site's own pages is accepted; one from any
other site is refused with a 403, nothing stored. A browser that sends neither (a few
very old ones, or privacy tools that strip both) falls back to the token Django checks
everywhere else: its first POST is answered with the form as it was typed, now carrying a
token, and pressing the button again sends it.

The admin and the attendee's own pages keep Django's token check unchanged.
"""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt

# What Sec-Fetch-Site says of a request made by this site's own pages ("none": the
# visitor's own doing, such as a bookmark; a form cannot be posted that way from elsewhere).
OWN = frozenset({"same-origin", "none"})


def from_elsewhere(request: HttpRequest) -> bool | None:
    """True when the browser says the POST comes from another site, False when from ours,
    None when it says neither."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site not in OWN
    origin = request.headers.get("Origin")
    if origin is not None:
        own = f"{request.scheme}://{request.get_host()}"
        return origin != own and origin not in settings.CSRF_TRUSTED_ORIGINS
    return None


def _token_refused(request: HttpRequest) -> bool:
    """Django's own CSRF check, token and all, as CsrfViewMiddleware runs it on other views."""
    return (
        CsrfViewMiddleware(lambda request: HttpResponse()).process_view(request, None, (), {})
        is not None
    )


def public_form(ask_again: Callable[..., HttpResponse]):
    """Protect a public form's POST by where it comes from (see above).

    ``ask_again(request, *args, **kwargs)`` answers a browser that said nothing and sent no
    valid token: the form as typed, rendered in answer to the POST so it carries a token.
    """

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @csrf_exempt
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method == "POST":
                verdict = from_elsewhere(request)
                if verdict:
                    return render(request, "403_csrf.html", {"cross_site": True}, status=403)
                if verdict is None and _token_refused(request):
                    response = ask_again(request, *args, **kwargs)
                    response.status_code = 403
                    return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
