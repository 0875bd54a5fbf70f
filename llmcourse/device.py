"""Device choice: CUDA when available, else CPU; `LLMCOURSE_DEVICE` overrides both."""
import os

import torch


def get_device() -> torch.device:
    """The device the notebooks compute on.

    Set the environment variable ``LLMCOURSE_DEVICE`` (for example to ``cpu``) to force one,
    e.g. when grading on a machine whose GPU is busy.
    """
    forced = os.environ.get("LLMCOURSE_DEVICE")
    if forced:
        return torch.device(forced)
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")
