"""Drawings made for the site, one per treatment, each with a full text description."""

ILLUSTRATIONS = {
    "nerve-blocks": {
        "file": "illustrations/nerve-blocks.svg",
        "alt": "Side view of the lower spine with a thin needle whose tip sits next to a nerve, with medicine around it.",
        "description": (
            "This drawing shows the lower back from the side, with the front of the body on the left. "
            "The spine bones are stacked like blocks, with soft discs between them. "
            "A nerve leaves the spine through a gap between two bones. "
            "A thin needle comes in from the back, and its tip stops next to the nerve, not in it. "
            "The green cloud is the medicine spreading around the nerve to calm the pain."
        ),
    },
    "spinal-cord-stimulation": {
        "file": "illustrations/spinal-cord-stimulation.svg",
        "alt": (
            "Two back views. Trial: a wire comes out through the skin to a belt battery. Implant: it runs under "
            "the skin to the buttock."
        ),
        "description": (
            "This drawing has two parts, both showing the body from behind with the spine down the middle. "
            "In both, a thin wire called a lead lies inside the spine, just over the spinal cord in the middle of "
            "the back. "
            "The left part is the trial, which lasts about a week. "
            "The wire comes out through the skin of the back under a bandage and runs to a small battery worn on "
            "a belt outside the body. "
            "The right part is the long-term implant. "
            "The wire runs under the skin to a small, flat battery in the upper buttock, and nothing comes out "
            "through the skin. "
            "In both parts, the battery sends mild pulses through the wire to help calm pain signals."
        ),
    },
    "radiofrequency-ablation": {
        "file": "illustrations/radiofrequency-ablation.svg",
        "alt": "Side view of two spine bones with a needle tip heating a small nerve next to a facet joint.",
        "description": (
            "This drawing shows two lower spine bones from the side. "
            "At the back, where the two bones meet, is a small joint called a facet joint. "
            "A tiny nerve runs over the bone next to this joint and carries pain from it. "
            "The tip of a thin needle rests on that nerve, and the red wavy lines show the tip heating it. "
            "The heat stops the nerve from sending pain signals for a while, often for many months."
        ),
    },
}
