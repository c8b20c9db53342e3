from django.db import models


class RateCount(models.Model):
    """POSTs counted against one limit in one window, when the shared cache is the
    database (no REDIS_URL): marsweb.ratelimit adds to it with one atomic upsert, which
    Django's DatabaseCache cannot do (its ``incr`` is a read, then a write)."""

    key = models.CharField(max_length=200, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        db_table = "marsweb_rate_count"

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"
