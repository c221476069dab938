"""ExamSite (考点通): the software that runs a vocational-skill test venue on exam day."""

__version__ = "0.1.0"
