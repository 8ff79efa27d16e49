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
    "epidural-steroid-injections": {
        "file": "illustrations/epidural-steroid-injections.svg",
        "alt": (
            "Side view of the low spine with three needle paths to the space around the nerves: from the back, "
            "the side and below."
        ),
        "description": (
            "This drawing shows the lower back from the side, with the front of the body on the left. "
            "The spine bones are stacked with soft discs between them, and the tailbone is at the bottom. "
            "The shaded band is the epidural space around the nerves. "
            "One disc bulges and presses on a nerve. "
            "The dashed lines show three ways a needle can reach this space: 1 from the back between two bones, 2 "
            "from the side next to one nerve, and 3 through an opening just above the tailbone."
        ),
    },
    "facet-joint-injections": {
        "file": "illustrations/facet-joint-injections.svg",
        "alt": (
            "Three spine bones from behind with facet joints, a tiny nerve to one joint, and two needles: A by "
            "the nerve, B in the joint."
        ),
        "description": (
            "This drawing shows three spine bones from behind. "
            "On each side, small facet joints link each bone to the one below. "
            "The circled joint is the one that may hurt. "
            "A tiny nerve, called the medial branch, curves over the bone to this joint and carries pain from it. "
            ""
            "Needle A stops next to the nerve to numb it for a few hours, as a test. "
            "Needle B puts medicine inside the joint."
        ),
    },
    "joint-injections": {
        "file": "illustrations/joint-injections.svg",
        "alt": "Front view of a knee with a thin needle coming in from the outer side, its tip in the space inside the joint.",
        "description": (
            "This drawing shows a right knee from the front. "
            "The thigh bone sits on top of the shin bone, and the kneecap is in front. "
            "Smooth cartilage covers the ends of the bones. "
            "The shaded area is the joint space, which holds a little fluid. "
            "A thin needle comes in from the outer side, just beside the kneecap, and its tip rests in the joint "
            "space. "
            "The small box shows an ultrasound probe on the skin, which can help guide the needle."
        ),
    },
    "sacroiliac-joint-injections": {
        "file": "illustrations/sacroiliac-joint-injections.svg",
        "alt": (
            "The pelvis from behind, showing the two sacroiliac joints and a needle going into the lower end of "
            "the painful joint."
        ),
        "description": (
            "This drawing shows the pelvis and the base of the spine from behind. "
            "The sacrum is the wide bone at the base of the spine. "
            "It sits between the two hip bones. "
            "The sacroiliac (SI) joints are the narrow joints where they meet. "
            "The joint on the right is shaded to show the painful side. "
            "A thin needle goes into the lower end of that joint from behind. "
            "The small box shows a person lying face down while an X-ray helps guide the needle."
        ),
    },
    "vertebral-augmentation": {
        "file": "illustrations/vertebral-augmentation.svg",
        "alt": "Three side views of a squashed spine bone: a needle goes in, a balloon makes space, then cement fills the bone.",
        "description": (
            "This drawing shows three spine bones from the side, in three steps. "
            "The middle bone is broken and squashed at the front, so it looks like a wedge. "
            "In step 1, a hollow needle goes into the broken bone from the back. "
            "In step 2, used only in kyphoplasty, a small balloon makes a space inside the bone. "
            "In step 3, bone cement goes in through the needle and fills the bone. "
            "The cement hardens in a few minutes."
        ),
    },
    "trigger-point-injections": {
        "file": "illustrations/trigger-point-injections.svg",
        "alt": "A shoulder muscle with a small tight knot and a thin needle going into the knot.",
        "description": (
            "This drawing shows the back of the head, neck and shoulders. "
            "A broad muscle runs from the neck across the top of each shoulder. "
            "The dark spot on the right shoulder is a trigger point, a tight and tender knot in the muscle. "
            "The dashed arrows show that pain from the knot can spread up toward the neck and head. "
            "A thin needle goes into the knot from above. "
            "The small box shows the next step: a gentle neck stretch to help the muscle relax."
        ),
    },
    "peripheral-nerve-stimulation": {
        "file": "illustrations/peripheral-nerve-stimulation.svg",
        "alt": "Three people seen from behind, each with a close-up of a stimulator wire and a striped area where pain may ease.",
        "description": (
            "This drawing shows three kinds of nerve stimulator. "
            "Each person is seen from behind, and the stripes show where pain may ease. "
            "On the left, a thin coiled wire lies beside a nerve in the thigh. "
            "It comes out through the skin to a small stimulator stuck on the skin, used for about 60 days. "
            "In the middle, a DRG wire rests on one nerve root by the spine, for a small area such as a foot. "
            "On the right, a spinal cord stimulator covers a wider area."
        ),
    },
    "intrathecal-drug-delivery": {
        "file": "illustrations/intrathecal-drug-delivery.svg",
        "alt": "A pain pump under the skin of the belly, with a thin tube running around the side to the spine",
        "description": (
            "This drawing shows the body from the side, with the belly on the left. "
            "A round pump sits under the skin of the lower belly. "
            "A thin tube runs from the pump under the skin, around the waist to the back. "
            "It goes into the spine, and its tip lies in the spinal fluid next to the spinal cord. "
            "The pump sends tiny doses of medicine through the tube. "
            "The small box shows a refill: a thin needle goes through the skin into the center of the pump."
        ),
    },
}
