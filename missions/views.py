from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from django_htmx.middleware import HtmxDetails

from missions.models import Milestone, Mission


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


MISSIONS_PER_PAGE = 24


@require_GET
def mission_list(request: HtmxHttpRequest):
    missions = Mission.objects.published().select_related("parent")
    page = Paginator(missions, MISSIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request, "missions/mission_list.html", {"page": page, "missions": page.object_list}
    )


@require_GET
def mission_detail(request: HtmxHttpRequest, slug: str):
    mission = get_object_or_404(
        Mission.objects.published()
        .select_related("parent")
        .prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.order_by("occurs_at", "pk")),
            "images",
            Prefetch("children", queryset=Mission.objects.published()),
        ),
        slug=slug,
    )
    return render(request, "missions/mission_detail.html", {"mission": mission})
