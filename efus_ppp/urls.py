from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularSwaggerSplitView,
)

from actors.api import urls as actors_api
from calls.api import urls as calls_api
from core.api import urls as core_api
from core.api.exceptions import api_route_not_found
from core.api.root import ApiRootView, list_endpoints
from core.health import ReadinessView, healthz
from goals.api import urls as goals_api
from home import views as home_views
from notifications.health import Outbox
from partnerships.api import urls as partnerships_api
from projects.api import urls as projects_api

api_root = ApiRootView.as_view(endpoints={
    **list_endpoints(*((module.app_name, module.router) for module in (
        actors_api, goals_api, partnerships_api, calls_api, projects_api, core_api,
    ))),
    "stats": "analytics-api:stats-index",
    "ocds-releases": "opendata-api:ocds_releases",
    "ocds-records": "opendata-api:ocds_records",
})

# Every app's API lives at the root of the version, each under its own namespace.
API_APPS = ("core", "actors", "goals", "partnerships", "calls", "projects", "opendata", "analytics")

api_v1 = [
    path("", api_root, name="api-root"),
    *(path("", include(f"{app}.api.urls")) for app in API_APPS),
    # Paths ending in a slash only, so that a missing slash is still redirected to its route.
    re_path(r"^.*/$", api_route_not_found),
]

urlpatterns = [
    path("", include("home.urls")),
    path("organisations/", include("actors.urls")),
    path("goals/", include("goals.urls")),
    path("partnerships/", include("partnerships.urls")),
    path("calls/", include("calls.urls")),
    path("projects/", include("projects.urls")),
    path("open-data/", include("opendata.urls")),
    path("analytics/", include("analytics.urls")),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/setlang/", home_views.set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("healthz/", healthz, name="healthz"),
    path("readyz/", ReadinessView.as_view(checks=[Outbox]), name="readyz"),
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves its start-up script as a file, which the CSP allows (no inline script).
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]

handler404 = "core.api.exceptions.page_not_found"
handler500 = "core.errors.server_error"
