"""Factories for tests that build the content they need instead of reading the bundled content."""

import datetime

import factory

from guides.models import Category, Fee, Guide, GuideChange, MciRate, Route, Step


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"category-{n}")
    name_kk = factory.Sequence(lambda n: f"Санат {n}")
    name_ru = factory.Sequence(lambda n: f"Категория {n}")
    name_en = factory.Sequence(lambda n: f"Category {n}")


class GuideFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Guide

    slug = factory.Sequence(lambda n: f"guide-{n}")
    category = factory.SubFactory(CategoryFactory)
    status = "published"
    title_kk = factory.Sequence(lambda n: f"Нұсқаулық {n}")
    title_ru = factory.Sequence(lambda n: f"Руководство {n}")
    title_en = factory.Sequence(lambda n: f"Guide {n}")
    summary_kk = "Қысқаша мазмұны."
    summary_ru = "Кратко."
    summary_en = "In short."
    last_reviewed = datetime.date(2026, 11, 25)


class GuideChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GuideChange

    guide = factory.SubFactory(GuideFactory)
    date = datetime.date(2026, 12, 1)
    note_kk = "Өзгеріс."
    note_ru = "Изменение."
    note_en = "A change."


class RouteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Route

    guide = factory.SubFactory(GuideFactory)
    title_kk = "ХҚКО-да"
    title_ru = "В ЦОН"
    title_en = "At a PSC"


class StepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Step

    route = factory.SubFactory(RouteFactory)
    title_kk = factory.Sequence(lambda n: f"Қадам {n}")
    title_ru = factory.Sequence(lambda n: f"Шаг {n}")
    title_en = factory.Sequence(lambda n: f"Step {n}")


class MciRateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MciRate
        django_get_or_create = ("year",)

    year = 2026
    value = 4325
    source = "Law on the republican budget for 2026–2028"


class FeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fee

    guide = factory.SubFactory(GuideFactory)
    amount_mci = 1
    condition_kk = "әдеттегі"
    condition_ru = "обычный"
    condition_en = "standard"
