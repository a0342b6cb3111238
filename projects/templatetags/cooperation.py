"""The way into the cooperation finder from a goal's page, which the goals app includes
without knowing of projects."""

from django import template

register = template.Library()


@register.inclusion_tag("projects/_suggestions.html#cooperation_link")
def cooperation_link(goal):
    return {"goal": goal}
