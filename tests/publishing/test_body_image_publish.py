"""An image stored with the article (`asset:ID` in its body) is uploaded once and the post
names it by the site's own address."""

from __future__ import annotations

from editor_app.core.assets import asset_source, read_image
from editor_app.core.publishing.publisher import Publisher
from editor_app.core.records import ArticleDraft
from tests.publishing.test_wordpress_publish import media_url


def test_a_stored_body_image_reaches_wordpress(library, site, site_api, images):
    record = library.create(ArticleDraft(title="صورة في المتن"))
    asset_id = library.add_image(record.id, read_image(images[0]))
    library.save_text(record.id, title=record.title, explicit=True,
                      body=f'فقرة.\n\n![الوزير]({asset_source(asset_id)} "الوزير في المؤتمر")\n\nفقرة أخرى.\n')
    outcome = Publisher(library).publish(record.id, site.name)
    content = site_api.get(f"wp/v2/posts/{outcome.post_id}", context="edit")["content"]["raw"]
    assert f'src="{media_url(site_api, images[0].read_bytes())}"' in content
    assert "asset:" not in content and "<figcaption" in content and "الوزير في المؤتمر" in content
    assert outcome.media_uploaded == 1
