"""Drawings made for the site, one per treatment, each with a full text description."""

ILLUSTRATIONS = {
    "nerve-blocks": {
        "file": "illustrations/nerve-blocks.svg",
        "alt": "Side view of the lower spine with a thin needle whose tip rests next to a nerve.",
        "description": (
            "The drawing shows the lower back from the side. The spine bones are stacked, with soft discs "
            "between them. A nerve leaves the spine between two bones. A thin needle comes in from your back, "
            "and its tip stops next to that nerve. The green cloud is the medicine spreading around the nerve "
            "to calm it. The needle does not go into the nerve itself."
        ),
    },
    "spinal-cord-stimulation": {
        "file": "illustrations/spinal-cord-stimulation.svg",
        "alt": "Back view of the body with a thin wire along the spine, linked to a small device above the buttock.",
        "description": (
            "The drawing shows your back from behind, with the spine in the middle. A thin, soft wire called a "
            "lead lies inside the spine, just over the spinal cord in the middle of the back. Under the skin, "
            "the wire runs down and to the side to a small flat device. The device sits under the skin above "
            "the buttock. It sends mild pulses along the wire. Nothing sticks out of the skin."
        ),
    },
    "radiofrequency-ablation": {
        "file": "illustrations/radiofrequency-ablation.svg",
        "alt": "Side view of two spine bones with a needle tip warming a small nerve beside the facet joint.",
        "description": (
            "The drawing shows two lower spine bones from the side. At the back, where the two bones meet, is a "
            "small joint called a facet joint. A tiny nerve runs over the bone next to it and carries pain "
            "from the joint. The tip of a thin needle rests on that small nerve. The red wavy lines show the "
            "tip warming the nerve so it sends fewer pain signals. The spinal cord and the big nerves are not touched."
        ),
    },
}
