from rest_framework.routers import SimpleRouter

from .tokens import TokenViewSet

app_name = "core-api"

router = SimpleRouter()
router.register("auth/tokens", TokenViewSet, basename="token")

urlpatterns = router.urls
