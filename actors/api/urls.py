from core.api.routers import RegistryRouter

from .views import OrganisationViewSet

app_name = "actors-api"

router = RegistryRouter()
router.register("organisations", OrganisationViewSet, basename="organisation")

urlpatterns = router.urls
