"""Every internal link, #anchor and image of the built site resolves, in both languages."""

from tests.links import broken_links
from tests.site import ensure_built


def test_internal_links_anchors_and_images_resolve():
    assert broken_links(ensure_built()) == []
