"""Form helpers shared by every app."""

from __future__ import annotations

from django import forms


class GayaBootstrap:
    """Give every widget Bootstrap's class so forms look consistent without per-field markup."""

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        for field in self.fields.values():  # type: ignore[attr-defined]
            w = field.widget
            if isinstance(w, forms.CheckboxInput | forms.RadioSelect | forms.HiddenInput):
                if isinstance(w, forms.CheckboxInput):
                    w.attrs.setdefault("class", "form-check-input")
                continue
            kelas = "form-select" if isinstance(w, forms.Select) else "form-control"
            if isinstance(w, forms.Select | forms.TextInput | forms.NumberInput | forms.Textarea):
                kelas += " form-control-sm" if kelas == "form-control" else " form-select-sm"
            w.attrs["class"] = (w.attrs.get("class", "") + " " + kelas).strip()
