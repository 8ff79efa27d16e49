"""The pages every outside check visits: one of each kind, and each treatment (the flagship pages)."""

CHECKED_PAGES = {
    "home": "/",
    "article list": "/articles/",
    "article": "/articles/nerve-blocks/",
    "treatment list": "/treatments/",
    "nerve blocks": "/treatments/nerve-blocks/",
    "spinal cord stimulation": "/treatments/spinal-cord-stimulation/",
    "radiofrequency ablation": "/treatments/radiofrequency-ablation/",
    "condition": "/conditions/sciatica-and-radiculopathy/",
    "condition list": "/conditions/",
    "search results": "/search/?q=sciatica",
    "glossary": "/glossary/",
    "not found": "/no-such-page/",
}
