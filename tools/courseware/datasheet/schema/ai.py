"""AI datasheet components (paper section 3.3): dataset characteristics, after the Data
Nutrition Label, and model characteristics, after model cards."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from courseware.datasheet.grades import conditional, optional, required
from courseware.datasheet.schema.base import Link, Quantity, YesNo
from courseware.textfields import PlainText, Slug, StrictModel


class DatasetInfo(StrictModel):
    """One dataset (training or evaluation)."""

    name: PlainText | None = required("Dataset name.")
    version: PlainText | None = required("Dataset version.")
    sources: list[PlainText] | None = optional("Where the data comes from.")
    size: PlainText | None = optional("Size as published, e.g. '109,604 images'.")
    collection_process: PlainText | None = optional("How it was collected.")
    labelling_process: PlainText | None = optional("How it was labelled.")
    license: PlainText | None = required("Licence, or 'Not disclosed'.")
    proprietary: bool | None = required("True when outsiders cannot obtain the data.")
    consent: PlainText | None = required("Consent of the people in it.")
    individual_information: YesNo | None = required("Does it hold data about individuals?")
    known_limitations: list[PlainText] | None = optional("Known limitations.")


class LabelTally(StrictModel):
    """Risky / safe / unknown counts of one Data Nutrition Label section."""

    section: PlainText
    risky: int = Field(ge=0)
    safe: int = Field(ge=0)
    unknown: int = Field(ge=0)


class NutritionLabel(StrictModel):
    """The Data Nutrition Label, summarised."""

    url: Link | None = None
    about_humans: YesNo | None = None
    upstream_sources: YesNo | None = None
    technical_review: YesNo | None = None
    ethical_review: YesNo | None = None
    update_frequency: YesNo | None = None
    do_not_use: list[PlainText] = Field(default_factory=list)
    tallies: list[LabelTally] = Field(default_factory=list)


class Split(StrictModel):
    """A dataset split and its share."""

    name: Literal["train", "validation", "test"]
    share_percent: float
    source: PlainText | None = None


class Dataset(StrictModel):
    """Dataset characteristics block."""

    training: DatasetInfo | None = required("The training dataset.")
    evaluation: DatasetInfo | None = required("The evaluation dataset.")
    fine_tuning: DatasetInfo | None = optional("A further fine-tuning dataset.")
    splits: list[Split] | None = optional("Train/validation/test shares.")
    demographic_coverage: PlainText | None = conditional(
        "observes_people", "Who is represented, known gaps, mitigations."
    )
    nutrition_label: NutritionLabel | None = optional("The Data Nutrition Label.")


class InputFormat(StrictModel):
    """The tensor a network reads."""

    height_px: int = Field(ge=1)
    width_px: int = Field(ge=1)
    channels: int = Field(ge=1)
    bit_depth: int | None = Field(default=None, ge=1)
    features: int | None = Field(default=None, description="Feature count as published.")


class Network(StrictModel):
    """One neural network of the processing flow."""

    id: Slug
    task: PlainText
    architecture: PlainText | None = required("Architecture and size.")
    infers_identity: bool = Field(
        default=False, description="True when it recognises or re-identifies individuals."
    )
    input: InputFormat | None = required("Input tensor.")
    output: PlainText | None = required("What it outputs.")
    quantisation: PlainText | None = required("e.g. int8.")
    inference_time: Quantity | None = required("Time per inference.")
    peak_ram: Quantity | None = required("Peak RAM.")
    flash: Quantity | None = required("Flash (model and code).")


class ConfusionMatrix(StrictModel):
    """A row-normalised binary confusion matrix, in percent of each true class."""

    true_negative_percent: float
    false_positive_percent: float
    false_negative_percent: float
    true_positive_percent: float
    source: PlainText | None = None


class MetricSet(StrictModel):
    """Offline test-set metrics of one model variant."""

    variant: PlainText = Field(description="e.g. float32, int8.")
    accuracy_percent: float | None = None
    false_positive_percent: float | None = None
    false_negative_percent: float | None = None
    precision_percent: float | None = None
    recall_percent: float | None = None
    threshold: float | None = None
    roc_auc: float | None = None
    pr_auc: float | None = None
    confusion_matrix: ConfusionMatrix | None = None
    source: PlainText | None = None


class Model(StrictModel):
    """Model characteristics block."""

    processing_flow: list[PlainText] | None = required("Stages from sensor to output.")
    networks: list[Network] | None = required("The networks, in order.")
    framework: PlainText | None = required("Runtime and compiler.")
    training_procedure: PlainText | None = optional("Training procedure and hyper-parameters.")
    offline_metrics: list[MetricSet] | None = optional("Offline test-set metrics.")
    limitations: list[PlainText] | None = required("Known failure modes.")
