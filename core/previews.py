"""How the admin shows an unsaved edit as patients will see it.

The page that renders an entry lives above the app that edits it, so the app
cannot call it directly; the pages register a renderer here for each model
(editorial/apps.py), and the admin asks for it by model.
"""

_renderers = {}


def register(model, render):
    """`render(request, obj)` returns the public page for `obj` as an HttpResponse."""
    _renderers[model] = render


def renderer_for(model):
    return _renderers.get(model)
