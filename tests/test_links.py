"""Every internal link, #anchor and image of the built site resolves, in both languages."""

import pytest

from tests import inputs
from tests.links import broken_links
from tests.site import ensure_built


@pytest.mark.inputs.with_args(inputs.built_site)
def test_internal_links_anchors_and_images_resolve():
    assert broken_links(ensure_built()) == []
