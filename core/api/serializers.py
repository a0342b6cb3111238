import copy
from collections.abc import Mapping
from urllib.parse import quote

from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import DictField, Field, ListField, SkipField
from rest_framework.relations import Hyperlink, ManyRelatedField, PKOnlyObject

from core.access import Action
from core.forms import check_year

# What Django's reverse() leaves unquoted in a path.
URL_SAFE = "!$&'()*+,;=/~:@"
# A key no object has, reversed in place of each object's own.
KEY_PLACEHOLDER = "0123456789876543210"


class DetailURLField(serializers.HyperlinkedIdentityField):
    """An object's API address, as DRF's hyperlink gives it, with one ``reverse()`` per list
    rather than one per row: the address of a placeholder key, each object's key in its place."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._around_key = None

    def to_representation(self, value):
        key = getattr(value, self.lookup_field)
        if key in (None, ""):
            return None
        if self._around_key is None:
            format = self.context.get("format")
            if format and self.format and self.format != format:
                format = self.format
            url = self.reverse(self.view_name, kwargs={self.lookup_url_kwarg: KEY_PLACEHOLDER},
                               request=self.context["request"], format=format)
            self._around_key = url.rpartition(KEY_PLACEHOLDER)[::2]
        before, after = self._around_key
        return Hyperlink(before + quote(str(key), safe=URL_SAFE) + after, value)


class DateTimeField(serializers.DateTimeField):
    """A moment between the years 1900 and 2200, written in the request's time zone (looked up
    once per field, not per value: a serializer's fields live for one request)."""

    default_validators = [check_year]

    def default_timezone(self):
        try:
            return self._zone
        except AttributeError:
            self._zone = super().default_timezone()
            return self._zone


def _copied(field):
    """A field for one serializer, from the class's unbound one. A field without fields of its
    own is copied as it stands (binding sets only its own attributes); one that holds others (a
    nested serializer, a list of relations) is built anew, as DRF does for every field, so that
    each holds its own children."""
    if isinstance(field, (serializers.BaseSerializer, ManyRelatedField, ListField, DictField)):
        return copy.deepcopy(field)
    return copy.copy(field)


# The base of every model serializer of the registry (a comment, not a docstring: the schema
# would show a docstring as the description of every serializer that has none of its own).
# Its fields are built from the model once per class, then copied for each serializer (DRF
# would inspect the model again for each request); declared hyperlinks to an object's detail
# become ``DetailURLField`` and moments ``DateTimeField``, which do their lookups once per
# request rather than once per row.
class RegistryModelSerializer(serializers.ModelSerializer):
    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.DateTimeField: DateTimeField,
    }

    def get_fields(self):
        built = type(self).__dict__.get("_built_fields")
        if built is None:
            built = super().get_fields()
            for name, field in built.items():
                if type(field) is serializers.HyperlinkedIdentityField:
                    built[name] = DetailURLField(*field._args, **field._kwargs)
            type(self)._built_fields = built
        return {name: _copied(field) for name, field in built.items()}

    def to_representation(self, instance):
        # As DRF's, but a field that shows one of the model's own columns reads it with a plain
        # attribute lookup, decided once per serializer rather than once per row and field.
        if isinstance(instance, Mapping):
            return super().to_representation(instance)
        plan = self.__dict__.get("_plan")
        if plan is None:
            plan = self._plan = self._representation_plan()
        data = {}
        for name, column, field in plan:
            if column is not None:
                value = checked = getattr(instance, column)
            else:
                try:
                    value = field.get_attribute(instance)
                except SkipField:
                    continue
                checked = value.pk if isinstance(value, PKOnlyObject) else value
            data[name] = None if checked is None else field.to_representation(value)
        return data

    def _representation_plan(self) -> list:
        """``(name, column or None, field)`` for each readable field, in order."""
        columns = {
            model_field.name for model_field in self.Meta.model._meta.concrete_fields
            if not model_field.is_relation
        }
        plan = []
        for field in self._readable_fields:
            source = field.source_attrs
            plain = (type(field).get_attribute is Field.get_attribute and len(source) == 1
                     and source[0] in columns)
            plan.append((field.field_name, source[0] if plain else None, field))
        return plan

    # DRF drops ``allow_blank`` from the fields it makes read-only, so the schema would promise a
    # value where a blank model field returns ``""`` (an offer for any area, a body without a
    # contact e-mail). Read-only fields keep it: the schema then allows the empty string, for a
    # choice as for an e-mail or a URL.
    def include_extra_kwargs(self, kwargs, extra_kwargs):
        allow_blank = kwargs.get("allow_blank", False)
        kwargs = super().include_extra_kwargs(kwargs, extra_kwargs)
        if allow_blank and kwargs.get("read_only"):
            kwargs["allow_blank"] = True
        return kwargs


# A serializer that only shows: every field of ``Meta.fields`` is read-only, its subclasses'
# too (input has its own serializers, and writes go through services). A comment for the same
# reason as above.
class RepresentationSerializer(RegistryModelSerializer):
    def get_extra_kwargs(self):
        extra_kwargs = super().get_extra_kwargs()
        for name in self.Meta.fields:
            extra_kwargs[name] = {**extra_kwargs.get(name, {}), "read_only": True}
        return extra_kwargs


class ConfidentialFieldsMixin:
    """Confidential fields leave the serializer when the user may not see them.

    ``confidential`` maps field names to a check ``(user) -> bool | None``: ``False`` removes the
    field for this user altogether (from the output, the CSV columns and the browsable forms),
    ``None`` defers to ``may_see(user, instance, name)`` for each object. Declare such fields
    ``required=False`` so that the schema does not promise them.

    Input serializers set ``removes_fields = False``: they keep accepting the field (the service
    decides who may write it) but never show it, in the browsable API's pre-filled forms, to a
    reader who may not read it.
    """

    confidential: dict = {}
    removes_fields = True

    @property
    def user(self):
        request = self.context.get("request")
        return getattr(request, "user", None)

    def get_fields(self):
        fields = super().get_fields()
        if not self.removes_fields or getattr(self.context.get("view"), "swagger_fake_view", False):
            return fields  # the schema documents every field, marked optional
        for name, check in self.confidential.items():
            if check(self.user) is False:
                fields.pop(name, None)
        return fields

    def to_representation(self, instance):
        data = super().to_representation(instance)
        for name, check in self.confidential.items():
            if name not in data:
                continue
            verdict = check(self.user)
            if verdict is False or (verdict is None and not self.may_see(self.user, instance, name)):
                del data[name]
        return data

    def may_see(self, user, instance, name) -> bool:
        return False


class ConfidentialInputMixin(ConfidentialFieldsMixin):
    """An input serializer that shows an object (the browsable API's edit form) as its reader
    may read it."""

    removes_fields = False


class VisibleRelatedField(serializers.PrimaryKeyRelatedField):
    """A reference, by id, to an object the requesting user may see: others "do not exist"."""

    def __init__(self, model=None, **kwargs):
        self.model = model
        super().__init__(queryset=model._default_manager.all(), **kwargs)

    def get_queryset(self):
        request = self.context.get("request")
        return self.model._default_manager.restrict(getattr(request, "user", None), Action.VIEW)


@extend_schema_field({"type": "string", "anyOf": [{"format": "uri"}, {"maxLength": 0}]})
class BlankableURLField(serializers.CharField):
    """A URL, or an empty string when there is none."""


class DateField(serializers.DateField):
    """A date between the years 1900 and 2200 (see ``core.forms.check_year``)."""

    default_validators = [check_year]


@extend_schema_field({"type": "string", "anyOf": [{"format": "email"}, {"maxLength": 0}]})
class BlankableEmailField(serializers.CharField):
    """An e-mail address, or an empty string when there is none."""
