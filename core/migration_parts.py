"""Pieces the apps' migrations share: the primary key and time stamps of a model, what
django-simple-history adds to each historical model and to each tracked many-to-many field, and
the PostgreSQL statement triggers that refresh what depends on the rows a statement changed.

Like the migrations that use them, they are frozen: each returns what those migrations wrote,
field for field and in the same order (the order of a table's columns), and the same SQL. A
change to a model gets a new migration; never an edit here, or the old migrations would describe
other tables than the ones they made.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


def auto_id():
    """The ``id`` primary key Django gives a model (``DEFAULT_AUTO_FIELD``)."""
    return (
        "id",
        models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
    )


def timestamps():
    """``created_at`` and ``updated_at``, set when a row is inserted and when it is saved."""
    return [
        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated at")),
    ]


def historical_timestamps():
    """The history's copies of ``timestamps()``: plain columns that keep the values saved."""
    return [
        ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="created at")),
        ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="updated at")),
    ]


def historical_fk(to, verbose_name, **options):
    """The history's copy of a foreign key to ``to``: no database constraint, no reverse
    relation, nothing done on delete, so a history row outlives the row it names."""
    return models.ForeignKey(
        blank=True,
        db_constraint=False,
        null=True,
        on_delete=django.db.models.deletion.DO_NOTHING,
        related_name="+",
        to=to,
        verbose_name=verbose_name,
        **options,
    )


def history_user():
    """``history_user``: who made the change. It stands among a historical model's relations,
    where makemigrations put it, so callers place it in ``relations`` themselves."""
    return (
        "history_user",
        models.ForeignKey(
            null=True,
            on_delete=django.db.models.deletion.SET_NULL,
            related_name="+",
            to=settings.AUTH_USER_MODEL,
        ),
    )


def historical_id():
    """The history's copy of ``auto_id()``: an indexed column, the same for every version."""
    return ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID"))


def history_fields():
    """The version's own key, when it was made, why, and whether it created, changed or
    deleted the row."""
    return [
        ("history_id", models.AutoField(primary_key=True, serialize=False)),
        ("history_date", models.DateTimeField(db_index=True)),
        ("history_change_reason", models.CharField(max_length=100, null=True)),
        (
            "history_type",
            models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
        ),
    ]


def history_options(verbose_name, verbose_name_plural):
    """Options of the history of a model named ``verbose_name``: newest version first."""
    return {
        "verbose_name": f"historical {verbose_name}",
        "verbose_name_plural": f"historical {verbose_name_plural}",
        "ordering": ("-history_date", "-history_id"),
        "get_latest_by": ("history_date", "history_id"),
    }


def historical_model(name, verbose_name, verbose_name_plural, *, fields, relations, added=()):
    """CreateModel of the history of a model (``verbose_name``, ``verbose_name_plural``: that
    model's). Its columns: ``historical_id()``, ``fields`` (the model's columns when it was first
    tracked), ``history_fields()``, ``added`` (columns the model gained later), then
    ``relations`` (its foreign keys as ``historical_fk()``s, with ``history_user()``)."""
    return migrations.CreateModel(
        name=name,
        fields=[historical_id(), *fields, *history_fields(), *added, *relations],
        options=history_options(verbose_name, verbose_name_plural),
        bases=(simple_history.models.HistoricalChanges, models.Model),
    )


def historical_m2m(name, *, owner, target):
    """CreateModel of the history of a many-to-many field from ``owner`` to ``target`` (both
    "app.model"): one row per link per version of the owner, in the model ``name``
    ("Historical<Owner>_<field>"). Its foreign keys are named after the models they point to
    and stand in name order, as makemigrations wrote them."""
    owner_app, owner_model = owner.split(".")
    links = {
        "history": models.ForeignKey(
            db_constraint=False,
            on_delete=django.db.models.deletion.DO_NOTHING,
            to=f"{owner_app}.historical{owner_model}",
        ),
    }
    for model in (owner, target):
        links[model.split(".")[1]] = models.ForeignKey(
            blank=True,
            db_constraint=False,
            db_tablespace="",
            null=True,
            on_delete=django.db.models.deletion.DO_NOTHING,
            related_name="+",
            to=model,
        )
    return migrations.CreateModel(
        name=name,
        fields=[
            historical_id(),
            ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
            *sorted(links.items()),
        ],
        options={"verbose_name": name},
        bases=(simple_history.models.HistoricalChanges, models.Model),
    )


# What a statement trigger on each event may read: the rows as they were, as they are.
TRANSITION_TABLES = {
    "INSERT": "NEW TABLE AS new_rows",
    "DELETE": "OLD TABLE AS old_rows",
    "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
}


def statement_triggers(name, table, function, events=tuple(TRANSITION_TABLES)):
    """The SQL (PostgreSQL) that creates the triggers ``<name>_<event>`` on ``table``: after
    each statement of ``events``, ``function()`` runs once, with the transition tables
    ``old_rows`` and ``new_rows`` that the event has."""
    return "".join(
        f"CREATE TRIGGER {name}_{event.lower()} AFTER {event} ON {table} "
        f"REFERENCING {TRANSITION_TABLES[event]} FOR EACH STATEMENT EXECUTE FUNCTION {function}();\n"
        for event in events
    )


def statement_refresh_function(name, *, refresh, key, guard=""):
    """The SQL (PostgreSQL) that creates ``name()``, a function for
    ``statement_triggers``: it passes ``refresh`` (a function of ``bigint[]``) the distinct
    ``key`` column of the rows the statement inserted, deleted or updated (before and after).
    ``guard``, when given, is the PL/pgSQL statement it runs first."""
    # PL/pgSQL plans a statement when it first runs it, so each branch names only the
    # transition tables that its event has.
    first = f"  {guard}\n" if guard else ""
    return f"""
CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
{first}  IF TG_OP = 'INSERT' THEN
    PERFORM {refresh}(ARRAY(SELECT DISTINCT {key} FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM {refresh}(ARRAY(SELECT DISTINCT {key} FROM old_rows));
  ELSE
    PERFORM {refresh}(ARRAY(
      SELECT {key} FROM new_rows UNION SELECT {key} FROM old_rows));
  END IF;
  RETURN NULL;
END $$;
"""  # noqa: S608 (names that migrations give, no input)
