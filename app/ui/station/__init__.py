"""The examiner station (考评员评分终端): PIN log-in, the examiner's candidates, rubric entry, signing.

Drawn from the views in app/station/model.py and driven through a `StationBackend`; every backend
call runs off the GUI thread (app/ui/tasks.py). See docs/station.md.
"""
