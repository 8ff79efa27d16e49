def test_the_forbidden_characters_are_exactly_the_controls_and_direction_marks():
    import sys
    import unicodedata

    from core.safe_yaml import BIDI_CONTROLS, _forbidden_character

    def forbidden(char):
        return char not in "\n\t" and (unicodedata.category(char) == "Cc" or char in BIDI_CONTROLS)

    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue  # surrogates cannot stand in decoded text
        assert (_forbidden_character("ab" + char) is not None) is forbidden(char), f"U+{code:04X}"
    assert _forbidden_character("line one\nline two\u202eowt") == (17, "\u202e")
