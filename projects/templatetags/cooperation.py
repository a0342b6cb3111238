"""What other apps' pages show of the projects app without knowing of it: the way into the
cooperation finder from a goal's page, and the public projects on the public register."""

from django import template

from projects.choices import Visibility
from projects.models import Project

register = template.Library()


@register.inclusion_tag("projects/_suggestions.html#cooperation_link")
def cooperation_link(goal):
    return {"goal": goal}


@register.inclusion_tag("projects/_public_projects.html")
def public_projects(limit=6):
    """The latest public projects of the network, for the public register (one query)."""
    projects = (Project.objects.filter(visibility=Visibility.PUBLIC)
                .select_related("organisation").order_by("-updated_at", "-pk")[:limit])
    return {"projects": list(projects)}
