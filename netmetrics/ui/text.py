"""Text on screen: anything that holds user or computed text (group names, file names, money with $)
goes through `plain` before st.markdown, so it shows literally: no markdown, no LaTeX from "$...$"."""

from __future__ import annotations

import re

import streamlit as st

# Inline markdown only (the text never starts a line): emphasis, code, links, HTML-looking tags, tables,
# strikethrough, LaTeX ($) and :shortcodes: / :color[...] directives.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~$:])")


def plain(text: object) -> str:
    """Text made literal for st.markdown and friends: whitespace folded, markdown characters escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def reading(text: str) -> None:
    """The page's sentence of plain-language reading."""
    st.markdown(f"**Reading:** {plain(text)}")
