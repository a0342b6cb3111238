from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Upper
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.access import Action, is_admin, is_coordinator, is_staff_reader

from .choices import KINDS_BY_SECTOR, Function, OrganisationKind, Sector, VerificationStatus
from .identifiers import SCHEME_CHOICES, SCHEMES, identifier_error, normalise_identifier
from .licences import LICENCE_SCHEME_CHOICES, licence_number_error, normalise_licence_number


class OrganisationQuerySet(models.QuerySet):
    def restrict(self, user, action: str = Action.VIEW):
        """The organisations ``user`` may see (view) or edit (change)."""
        if is_admin(user):
            return self
        if action == Action.VIEW:
            if is_staff_reader(user):
                return self
            visible = models.Q(verification_status=VerificationStatus.VERIFIED)
            if user.is_authenticated and user.organisation_id:
                visible |= models.Q(pk=user.organisation_id)
            return self.filter(visible)
        if action == Action.VERIFY:
            if user.is_authenticated and user.is_coordinator:
                return self.exclude(sector=Sector.PUBLIC)
            return self.none()
        if user.is_authenticated and (user.is_coordinator or user.is_firm_representative):
            return self.filter(pk=user.organisation_id)
        return self.none()

    def may_create(self, user) -> bool:
        """Coordinators register the organisations they work with; administrators any."""
        return is_admin(user) or is_coordinator(user)

    def public_bodies(self):
        return self.filter(sector=Sector.PUBLIC)

    def verified(self):
        return self.filter(verification_status=VerificationStatus.VERIFIED)


class Organisation(models.Model):
    """A public body, a private firm or an intermediary that can take part in partnerships."""

    name = models.CharField(_("name"), max_length=200)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind.choices)
    identifier_scheme = models.CharField(
        _("identifier scheme"),
        max_length=20,
        choices=SCHEME_CHOICES,
        help_text=_("The register the identifier comes from, in the org-id.guide style."),
    )
    identifier = models.CharField(_("identifier"), max_length=64)
    country = models.CharField(
        _("country"), max_length=2, help_text=_("ISO 3166-1 alpha-2 code, e.g. FR, BE, DE.")
    )
    territory = models.CharField(
        _("territory"), max_length=120, help_text=_("City, district or region where it acts.")
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    verification_status = models.CharField(
        _("verification"),
        max_length=12,
        choices=VerificationStatus.choices,
        default=VerificationStatus.UNVERIFIED,
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        "actors.User",
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # A private security company's licence to provide security services.
    licence_scheme = models.CharField(
        _("security licence scheme"),
        max_length=20,
        choices=LICENCE_SCHEME_CHOICES,
        blank=True,
        help_text=_("The regulator that licensed this private security company."),
    )
    licence_number = models.CharField(_("security licence number"), max_length=64, blank=True)
    licence_expires_on = models.DateField(_("security licence expires on"), null=True, blank=True)
    # Confidential: personal contact data and internal notes.
    contact_name = models.CharField(_("contact name"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    internal_notes = models.TextField(_("internal notes"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords()
    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["identifier_scheme", "identifier"],
                name="organisation_identifier_unique",
                violation_error_message=_("An organisation with this identifier already exists."),
            ),
            models.CheckConstraint(
                condition=models.Q(sector__in=Sector.values), name="organisation_sector_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(verification_status__in=VerificationStatus.values),
                name="organisation_verification_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(identifier=""), name="organisation_identifier_not_empty"
            ),
            models.CheckConstraint(
                condition=models.Q(licence_scheme="", licence_number="",
                                   licence_expires_on__isnull=True)
                | (~models.Q(licence_scheme="") & ~models.Q(licence_number="")
                   & models.Q(licence_expires_on__isnull=False)),
                name="organisation_licence_complete",
                violation_error_message=_(
                    "A security licence needs its scheme, its number and its expiry date."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["sector", "kind"]),
            models.Index(fields=["country", "territory"]),
            # The country filters compare UPPER(country): with this index PostgreSQL keeps
            # statistics of that expression, so a prepared statement's generic plan estimates
            # how many partnerships a country has instead of guessing.
            models.Index(Upper("country"), name="organisation_country_upper"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("actors:organisation_detail", args=[self.pk])

    @property
    def is_public_body(self) -> bool:
        return self.sector == Sector.PUBLIC

    @property
    def is_verified(self) -> bool:
        return self.verification_status == VerificationStatus.VERIFIED

    @property
    def identifier_is_local(self) -> bool:
        scheme = SCHEMES.get(self.identifier_scheme)
        return bool(scheme and scheme.local)

    @property
    def org_id(self) -> str:
        return f"{self.identifier_scheme}-{self.identifier}"

    @property
    def has_licence(self) -> bool:
        return bool(self.licence_number)

    def licence_in_force(self, on=None) -> bool:
        """Whether the security licence is valid on ``on`` (today by default)."""
        on = on or timezone.localdate()
        return self.has_licence and self.licence_expires_on is not None and (
            self.licence_expires_on >= on
        )

    def _licence_errors(self) -> dict:
        self.licence_number = normalise_licence_number(self.licence_scheme, self.licence_number)
        given = [self.licence_scheme, self.licence_number, self.licence_expires_on]
        if not any(given):
            return {}
        if self.kind and self.kind != OrganisationKind.PRIVATE_SECURITY:
            return {"licence_scheme": _("Only private security companies record a security "
                                        "licence.")}
        errors = {}
        if not self.licence_scheme:
            errors["licence_scheme"] = _("Say which regulator issued the licence.")
        else:
            message = licence_number_error(self.licence_scheme, self.licence_number)
            if message:
                errors["licence_number"] = message
        if self.licence_expires_on is None:
            errors["licence_expires_on"] = _("Give the date the licence expires.")
        return errors

    def clean(self):
        errors = self._licence_errors()
        self.identifier = normalise_identifier(self.identifier_scheme, self.identifier)
        self.country = (self.country or "").strip().upper()
        if self.identifier_scheme:
            message = identifier_error(self.identifier_scheme, self.identifier)
            if message:
                errors["identifier"] = message
        if self.sector and self.kind and self.kind not in KINDS_BY_SECTOR.get(self.sector, ()):
            errors["kind"] = _("“%(kind)s” is not a kind of organisation of the %(sector)s.") % {
                "kind": OrganisationKind(self.kind).label,
                "sector": Sector(self.sector).label.lower(),
            }
        if self.country and (len(self.country) != 2 or not self.country.isalpha()):
            errors["country"] = _("Use the two-letter ISO code of the country, e.g. FR.")
        if errors:
            raise ValidationError(errors)


class UserQuerySet(models.QuerySet):
    def people_of(self, organisations):
        """Everyone who acts for one of ``organisations`` (objects, ids or a subquery of ids)
        and can be written to."""
        return self.filter(organisation__in=organisations, is_active=True).exclude(email="")

    def coordinators_of(self, organisation):
        return self.filter(
            organisation=organisation, function=Function.COORDINATOR, is_active=True
        )


class RegistryUserManager(UserManager.from_queryset(UserQuerySet)):
    pass


class User(AbstractUser):
    """A person who acts in the registry, usually for one organisation."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    function = models.CharField(
        _("function"), max_length=30, choices=Function.choices, default=Function.NONE, blank=True
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    objects = RegistryUserManager()

    class Meta(AbstractUser.Meta):
        constraints = [
            models.CheckConstraint(
                condition=models.Q(function="") | models.Q(organisation__isnull=False),
                name="user_function_needs_organisation",
                violation_error_message=_("A person with a function must belong to an organisation."),
            ),
        ]

    def clean(self):
        super().clean()
        coordinator = self.function == Function.COORDINATOR and self.organisation_id
        if coordinator and self.organisation.sector != Sector.PUBLIC:
            raise ValidationError({"function": _("Only staff of a public body can be coordinators.")})
        if self.function and not self.organisation_id:
            raise ValidationError(
                {"organisation": _("A person with a function must belong to an organisation.")}
            )

    @property
    def is_coordinator(self) -> bool:
        return self.is_active and self.function == Function.COORDINATOR and bool(
            self.organisation_id
        )

    @property
    def is_firm_representative(self) -> bool:
        return self.is_active and self.function == Function.FIRM_REPRESENTATIVE

    @property
    def is_analyst(self) -> bool:
        return self.is_active and self.function == Function.ANALYST
