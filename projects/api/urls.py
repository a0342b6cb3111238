from core.api.routers import RegistryRouter

from .views import ProjectViewSet

app_name = "projects-api"

router = RegistryRouter()
router.register("projects", ProjectViewSet, basename="project")

urlpatterns = router.urls
