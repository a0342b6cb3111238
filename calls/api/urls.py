from core.api.routers import RegistryRouter

from .views import CallViewSet, ExpressionOfInterestViewSet

app_name = "calls-api"

router = RegistryRouter()
router.register("calls", CallViewSet, basename="call")
router.register("expressions-of-interest", ExpressionOfInterestViewSet, basename="eoi")

urlpatterns = router.urls
