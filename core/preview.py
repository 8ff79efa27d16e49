"""Staff preview, written once: drafts and scheduled pages for staff, published ones for everyone else."""


class StaffPreviewMixin:
    """For DetailViews whose model's queryset has `visible_to(user)` and whose objects have `is_public`."""

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_preview"] = not self.object.is_public
        return context
