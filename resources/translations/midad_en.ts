<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ar">
<context>
    <name>about</name>
    <message>
        <source>الإصدار {version} · Qt {qt} · PySide6 {pyside} · Python {python}</source>
        <translation>Version {version} · Qt {qt} · PySide6 {pyside} · Python {python}</translation>
    </message>
    <message>
        <source>محرر مقالات للأقسام الإخبارية العربية، يعمل دون اتصال.</source>
        <translation>An offline-first article editor for Arabic newsrooms.</translation>
    </message>
    <message>
        <source>الرخصة: GNU GPL الإصدار 3 أو أحدث (GPL-3.0-or-later).</source>
        <translation>Licence: GNU GPL version 3 or later (GPL-3.0-or-later).</translation>
    </message>
    <message>
        <source>الخط المضمّن Noto Naskh Arabic مرخّص بموجب SIL Open Font License 1.1 (النص أدناه).</source>
        <translation>The bundled Noto Naskh Arabic font is licensed under the SIL Open Font License 1.1 (text below).</translation>
    </message>
    <message>
        <source>عن مداد</source>
        <translation>About Midad</translation>
    </message>
    <message>
        <source>نص رخصة الخط</source>
        <translation>Font licence text</translation>
    </message>
</context>
<context>
    <name>annotations</name>
    <message>
        <source>تعليق على التحديد</source>
        <translation>Comment on selection</translation>
    </message>
    <message>
        <source>وضع الاقتراح</source>
        <translation>Suggest mode</translation>
    </message>
    <message>
        <source>قبول كل الاقتراحات</source>
        <translation>Accept all suggestions</translation>
    </message>
    <message>
        <source>رفض كل الاقتراحات</source>
        <translation>Reject all suggestions</translation>
    </message>
    <message>
        <source>قبول الاقتراح</source>
        <translation>Accept suggestion</translation>
    </message>
    <message>
        <source>رفض الاقتراح</source>
        <translation>Reject suggestion</translation>
    </message>
    <message>
        <source>نصّه محذوف: </source>
        <translation>Its text was deleted: </translation>
    </message>
    <message>
        <source>ردّ… (@ لذكر زميل)</source>
        <translation>Reply… (@ to mention a colleague)</translation>
    </message>
    <message>
        <source>اذكر زميلًا</source>
        <translation>Mention a colleague</translation>
    </message>
    <message>
        <source>إعادة فتح</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>حلّ</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <source>يقترح إضافة</source>
        <translation>suggests adding</translation>
    </message>
    <message>
        <source>يقترح حذف</source>
        <translation>suggests deleting</translation>
    </message>
    <message>
        <source>قبول</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>رفض</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>اكتب تعليقك… (@ لذكر زميل)</source>
        <translation>Write your comment… (@ to mention a colleague)</translation>
    </message>
    <message>
        <source>تعليق</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>إلغاء</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>يحرّر غيرك هذا المقال الآن: قرّر في الاقتراحات بعد أن ينتهي</source>
        <translation>Someone else is editing this article now: decide on the suggestions when they are done</translation>
    </message>
    <message>
        <source>احفظ المقال أولًا: تعذّر حفظ النص</source>
        <translation>Save the article first: its text could not be saved</translation>
    </message>
    <message>
        <source>إضافة «{text}»</source>
        <translation>adding «{text}»</translation>
    </message>
    <message>
        <source>حذف «{text}»</source>
        <translation>deleting «{text}»</translation>
    </message>
    <message>
        <source>قبِل {decider} اقتراح {author}: {what}</source>
        <translation>{decider} accepted {author}&apos;s suggestion: {what}</translation>
    </message>
    <message>
        <source>ما تكتبه أو تحذفه يُسجَّل اقتراحًا لا يغيّر النص حتى يُقبل</source>
        <translation>What you type or delete is recorded as a suggestion; the text changes only when it is accepted</translation>
    </message>
    <message>
        <source>قبول الكل</source>
        <translation>Accept all</translation>
    </message>
    <message>
        <source>رفض الكل</source>
        <translation>Reject all</translation>
    </message>
    <message>
        <source>تعليقات محلولة أو بلا نص ({count})</source>
        <translation>Resolved or detached comments ({count})</translation>
    </message>
    <message>
        <source>حدّد الكلمات التي تعلّق عليها أولًا</source>
        <translation>Select the words to comment on first</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>مداد</source>
        <translation>Midad</translation>
    </message>
</context>
<context>
    <name>application</name>
    <message>
        <source>تعذّرت النسخة الاحتياطية: {message}</source>
        <translation>Backup failed: {message}</translation>
    </message>
    <message>
        <source>تعذّر فتح قاعدة البيانات:
{error}</source>
        <translation>Could not open the database:
{error}</translation>
    </message>
    <message>
        <source>ما كتبته في أثناء الفتح محفوظ في {path}</source>
        <translation>What you typed while it was opening is kept in {path}</translation>
    </message>
    <message>
        <source>استُعيدت النسخة الاحتياطية {backup}</source>
        <translation>Backup {backup} was restored</translation>
    </message>
    <message>
        <source>استُعيدت النسخة الاحتياطية {backup}؛ الملف التالف محفوظ باسم {damaged}</source>
        <translation>Backup {backup} was restored; the damaged file is kept as {damaged}</translation>
    </message>
    <message>
        <source>تعذّرت قراءة ملف الإعدادات، فاستُخدمت الإعدادات الافتراضية.</source>
        <translation>The settings file could not be read, so the default settings are in use.</translation>
    </message>
    <message>
        <source>حُفظ الملف التالف باسم {name}.</source>
        <translation>The damaged file is kept as {name}.</translation>
    </message>
</context>
<context>
    <name>article_actions</name>
    <message>
        <source>غيّر شخص آخر هذه البيانات في الأثناء؛ تظهر الآن قيمته، وكانت قيمتك: {mine}</source>
        <translation>Someone else changed this detail meanwhile; their value is shown now, yours was: {mine}</translation>
    </message>
    <message>
        <source>عُدّل المقال من مكان آخر في الأثناء؛ أعد المحاولة</source>
        <translation>The article was changed elsewhere meanwhile; try again</translation>
    </message>
</context>
<context>
    <name>article_editor</name>
    <message>
        <source>العنوان</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>عنوان المقال</source>
        <translation>Article title</translation>
    </message>
    <message>
        <source>اكتب نص المقال هنا…</source>
        <translation>Write the article here…</translation>
    </message>
    <message>
        <source>نص المقال</source>
        <translation>Article text</translation>
    </message>
</context>
<context>
    <name>backups_dialog</name>
    <message>
        <source>عند بدء التشغيل</source>
        <translation>At start-up</translation>
    </message>
    <message>
        <source>دورية (كل 30 دقيقة)</source>
        <translation>Scheduled (every 30 minutes)</translation>
    </message>
    <message>
        <source>قبل تحديث قاعدة البيانات</source>
        <translation>Before a database upgrade</translation>
    </message>
    <message>
        <source>قبل استعادة نسخة</source>
        <translation>Before a restore</translation>
    </message>
    <message>
        <source>يدوية</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>النسخ الاحتياطية</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>التاريخ</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>السبب</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>الحجم</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>d MMMM y، h:mm:ss a</source>
        <translation>d MMMM y, h:mm:ss a</translation>
    </message>
    <message>
        <source>استعادة النسخة المختارة…</source>
        <translation>Restore the selected backup…</translation>
    </message>
    <message>
        <source>نسخة احتياطية الآن</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>تُحفظ آخر 10 نسخ ونسخة عن كل يوم من الأسبوع الماضي. قبل الاستعادة تُحفظ نسخة من الحالة الراهنة، فيمكن التراجع عنها.</source>
        <translation>The last 10 backups are kept, plus one for each day of the past week. Restoring first backs up the current state, so a restore can be undone.</translation>
    </message>
    <message>
        <source>استعادة</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>استعادة المكتبة كما كانت في {when}؟ تُحفظ الحالة الراهنة في نسخة احتياطية أولًا.</source>
        <translation>Restore the library as it was on {when}? The current state is backed up first.</translation>
    </message>
</context>
<context>
    <name>command_palette</name>
    <message>
        <source>الأوامر</source>
        <translation>Commands</translation>
    </message>
    <message>
        <source>اكتب اسم الأمر…</source>
        <translation>Type a command name…</translation>
    </message>
    <message>
        <source>البحث عن أمر</source>
        <translation>Find a command</translation>
    </message>
    <message>
        <source>الأوامر المطابقة</source>
        <translation>Matching commands</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>عريض</source>
        <translation>Bold</translation>
    </message>
    <message>
        <source>مائل</source>
        <translation>Italic</translation>
    </message>
    <message>
        <source>شيفرة</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>عنوان من المستوى {level}</source>
        <translation>Heading level {level}</translation>
    </message>
    <message>
        <source>اقتباس</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>قائمة نقطية</source>
        <translation>Bulleted list</translation>
    </message>
    <message>
        <source>قائمة مرقمة</source>
        <translation>Numbered list</translation>
    </message>
    <message>
        <source>رابط…</source>
        <translation>Link…</translation>
    </message>
    <message>
        <source>صورة…</source>
        <translation>Image…</translation>
    </message>
    <message>
        <source>علامات الترقيم العربية (، ؛ ؟)</source>
        <translation>Arabic punctuation (، ؛ ؟)</translation>
    </message>
    <message>
        <source>تحويل , ; ? إلى ، ؛ ؟ بعد الكلمات العربية، دون المساس بالجمل اللاتينية والأرقام والروابط</source>
        <translation>Turn , ; ? into ، ؛ ؟ after Arabic words, leaving Latin sentences, numbers and links alone</translation>
    </message>
    <message>
        <source>علامات التنصيص المختارة في الإعدادات</source>
        <translation>Quotation marks chosen in the settings</translation>
    </message>
    <message>
        <source>تحويل &quot; إلى “ ” أو « » حسب الإعدادات</source>
        <translation>Turn &quot; into “ ” or « », as the settings say</translation>
    </message>
    <message>
        <source>علامات التنصيص “ ”</source>
        <translation>Quotation marks “ ”</translation>
    </message>
    <message>
        <source>تحويل &quot; إلى “ ”</source>
        <translation>Turn &quot; into “ ”</translation>
    </message>
    <message>
        <source>علامات التنصيص « »</source>
        <translation>Quotation marks « »</translation>
    </message>
    <message>
        <source>تحويل &quot; إلى « »</source>
        <translation>Turn &quot; into « »</translation>
    </message>
    <message>
        <source>الأرقام المشرقية (٠١٢٣)</source>
        <translation>Eastern Arabic digits (٠١٢٣)</translation>
    </message>
    <message>
        <source>تحويل 0-9 إلى ٠-٩ خارج الروابط والشيفرة</source>
        <translation>Turn 0-9 into ٠-٩ outside links and code</translation>
    </message>
    <message>
        <source>الأرقام الغربية (0123)</source>
        <translation>Western digits (0123)</translation>
    </message>
    <message>
        <source>تحويل ٠-٩ إلى 0-9</source>
        <translation>Turn ٠-٩ into 0-9</translation>
    </message>
    <message>
        <source>حذف التطويل (ـ)</source>
        <translation>Remove tatweel (ـ)</translation>
    </message>
    <message>
        <source>حذف حرف التطويل</source>
        <translation>Remove the tatweel character</translation>
    </message>
    <message>
        <source>حذف التشكيل</source>
        <translation>Remove diacritics</translation>
    </message>
    <message>
        <source>حذف الحركات والتنوين والشدة والسكون</source>
        <translation>Remove short vowels, tanwin, shadda and sukun</translation>
    </message>
    <message>
        <source>توحيد أشكال الحروف</source>
        <translation>Normalise letter forms</translation>
    </message>
    <message>
        <source>أ إ آ ← ا، ى ← ي، ؤ ← و، ئ ← ي، مع حذف التشكيل والتطويل</source>
        <translation>أ إ آ → ا, ى → ي, ؤ → و, ئ → ي, removing diacritics and tatweel</translation>
    </message>
    <message>
        <source>إدراج رابط</source>
        <translation>Insert link</translation>
    </message>
    <message>
        <source>عنوان الرابط (URL):</source>
        <translation>Link address (URL):</translation>
    </message>
</context>
<context>
    <name>conflict_dialog</name>
    <message>
        <source>d MMMM y، h:mm a</source>
        <translation>d MMMM y, h:mm a</translation>
    </message>
    <message>
        <source>تعارض مع الموقع</source>
        <translation>Conflict with the site</translation>
    </message>
    <message>
        <source>عُدّل هذا المقال على «{site}» في {when} بعد آخر نشر من هنا. اختر النسخة التي تبقى. إن أخذت نسخة الموقع يبقى نصك في النسخ السابقة.</source>
        <translation>This article was changed on “{site}” on {when}, after it was last published from here. Choose the version to keep. If you take the site’s version, your text stays in the earlier versions.</translation>
    </message>
    <message>
        <source>نسخة الموقع</source>
        <translation>Site version</translation>
    </message>
    <message>
        <source>نسختك</source>
        <translation>Your version</translation>
    </message>
    <message>
        <source>النسختان</source>
        <translation>Both versions</translation>
    </message>
    <message>
        <source>الفروق</source>
        <translation>Differences</translation>
    </message>
    <message>
        <source>نشر نسختي فوق نسخة الموقع</source>
        <translation>Publish my version over the site’s</translation>
    </message>
    <message>
        <source>أخذ نسخة الموقع</source>
        <translation>Take the site’s version</translation>
    </message>
    <message>
        <source>إلغاء</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>controller</name>
    <message>
        <source>صندوق الإرسال</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>نشر على الموقع…</source>
        <translation>Publish to site…</translation>
    </message>
    <message>
        <source>المواقع…</source>
        <translation>Sites…</translation>
    </message>
    <message>
        <source>تعذّر حفظ المقال، فلم يُنشر: ستُعاد محاولة الحفظ</source>
        <translation>The article could not be saved, so it was not published; saving will be retried</translation>
    </message>
    <message>
        <source>النشر</source>
        <translation>Publishing</translation>
    </message>
    <message>
        <source>لا موقع بعد: أضف موقع ووردبريس (اسم المستخدم وكلمة مرور التطبيق) أو موقع Ghost (مفتاح Admin API).</source>
        <translation>No site yet: add a WordPress site (username and application password) or a Ghost site (Admin API key).</translation>
    </message>
    <message>
        <source>جارٍ النشر…</source>
        <translation>Publishing…</translation>
    </message>
    <message>
        <source>إلغاء</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>تعذّر الوصول إلى «{site}»؛ حُفظ الطلب في صندوق الإرسال وستُعاد المحاولة تلقائيًا</source>
        <translation>Could not reach “{site}”; the request is in the outbox and will be retried automatically</translation>
    </message>
    <message>
        <source>أُخذت نسخة الموقع</source>
        <translation>The site’s version was taken</translation>
    </message>
    <message>
        <source>نُشر على</source>
        <translation>Published on</translation>
    </message>
    <message>
        <source>حُدّث على</source>
        <translation>Updated on</translation>
    </message>
    <message>
        <source>أُلغي النشر</source>
        <translation>Publishing cancelled</translation>
    </message>
    <message>
        <source>تعذّر النشر</source>
        <translation>Publishing failed</translation>
    </message>
    <message>
        <source>صندوق الإرسال ({count})</source>
        <translation>Outbox ({count})</translation>
    </message>
    <message>
        <source>إلغاء طلب النشر هذا؟ يبقى المقال كما هو.</source>
        <translation>Cancel this publishing request? The article stays as it is.</translation>
    </message>
    <message>
        <source>نُشر من صندوق الإرسال: {count}</source>
        <translation>Published from the outbox: {count}</translation>
    </message>
    <message>
        <source>تعذّر تشغيل صندوق الإرسال: {error}</source>
        <translation>Could not run the outbox: {error}</translation>
    </message>
    <message>
        <source>إضافة موقع…</source>
        <translation>Add a site…</translation>
    </message>
</context>
<context>
    <name>counts_label</name>
    <message>
        <source>{words} · {characters} ({without_spaces} دون مسافات) · {paragraphs} · قراءة في {minutes}</source>
        <translation>{words} · {characters} ({without_spaces} without spaces) · {paragraphs} · {minutes} to read</translation>
    </message>
    <message>
        <source>زمن القراءة محسوب على أساس {rate} كلمة في الدقيقة</source>
        <translation>Reading time assumes {rate} words a minute</translation>
    </message>
    <message>
        <source>{left} / {limit} (عدد الأحرف المتبقية)</source>
        <translation>{left} / {limit} (characters left)</translation>
    </message>
</context>
<context>
    <name>device_frame</name>
    <message>
        <source>سطح المكتب (1200)</source>
        <translation>Desktop (1200)</translation>
    </message>
    <message>
        <source>لوحي (768)</source>
        <translation>Tablet (768)</translation>
    </message>
    <message>
        <source>هاتف (390)</source>
        <translation>Phone (390)</translation>
    </message>
    <message>
        <source>تصغير</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>تكبير</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>ملء العرض</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>حجم المعاينة؛ انقر للعودة إلى الحجم الأول</source>
        <translation>Preview size; click to go back to the first size</translation>
    </message>
    <message>
        <source>{percent}٪</source>
        <translation>{percent}%</translation>
    </message>
</context>
<context>
    <name>drops</name>
    <message>
        <source>استيراد…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>استيراد ملفات ‎.md‎ و‎.txt‎ و‎.docx‎ مقالاتٍ جديدة</source>
        <translation>Import .md, .txt and .docx files as new articles</translation>
    </message>
</context>
<context>
    <name>early_window</name>
    <message>
        <source>تُفتح المكتبة…</source>
        <translation>Opening the library…</translation>
    </message>
</context>
<context>
    <name>error_dialog</name>
    <message>
        <source>حدث خطأ غير متوقع، وما زال مداد يعمل.</source>
        <translation>Something unexpected went wrong; Midad is still running.</translation>
    </message>
    <message>
        <source>نصك محفوظ آليًا؛ يمكنك متابعة العمل. إن تكرر الخطأ فانسخ التفاصيل وأرسلها إلى الدعم الفني.</source>
        <translation>Your text is saved automatically; you can keep working. If this happens again, copy the details and send them to technical support.</translation>
    </message>
    <message>
        <source>التفاصيل محفوظة في: {path}</source>
        <translation>The details are saved in: {path}</translation>
    </message>
    <message>
        <source>نسخ التفاصيل</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>متابعة</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>نُسخت التفاصيل</source>
        <translation>Details copied</translation>
    </message>
</context>
<context>
    <name>export_dialog</name>
    <message>
        <source>تصدير</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>اختيار…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>نسخ الخطوط والصور إلى مجلد بجانب الصفحة بدل تضمينها</source>
        <translation>Copy fonts and images into a folder beside the page instead of embedding them</translation>
    </message>
    <message>
        <source>تضمين المسودات (دون ذلك: المنشور والجاهز فقط)</source>
        <translation>Include drafts (otherwise only published and ready articles)</translation>
    </message>
    <message>
        <source>لم يُصدَّر أي مقال: لا مقال منشورًا أو جاهزًا في المكتبة. لتصدير المسودات اختر «تضمين المسودات».</source>
        <translation>No article was exported: none in the library is published or ready. To export drafts, check “Include drafts”.</translation>
    </message>
    <message>
        <source>حسب لغة المقال (A4 للعربية)</source>
        <translation>By the article&apos;s language (A4 for Arabic)</translation>
    </message>
    <message>
        <source>فتح المجلد</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>الصيغة</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>الوجهة</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>حجم الصفحة</source>
        <translation>Page size</translation>
    </message>
    <message>
        <source>مجلد الموقع</source>
        <translation>Site folder</translation>
    </message>
    <message>
        <source>حفظ باسم</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>تم التصدير: {path}</source>
        <translation>Exported: {path}</translation>
    </message>
    <message>
        <source>تعذّر التصدير: {error}</source>
        <translation>Export failed: {error}</translation>
    </message>
</context>
<context>
    <name>exporters</name>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
</context>
<context>
    <name>find_bar</name>
    <message>
        <source>بحث</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>نص البحث</source>
        <translation>Text to find</translation>
    </message>
    <message>
        <source>استبدال بـ</source>
        <translation>Replace with</translation>
    </message>
    <message>
        <source>نص الاستبدال</source>
        <translation>Replacement text</translation>
    </message>
    <message>
        <source>تجاهل التشكيل وأشكال الحروف</source>
        <translation>Ignore diacritics and letter forms</translation>
    </message>
    <message>
        <source>يطابق «مكافحه» كلمة «مُكافحة»، و«الارهاب» كلمة «الإرهاب»</source>
        <translation>“مكافحه” matches “مُكافحة”, and “الارهاب” matches “الإرهاب”</translation>
    </message>
    <message>
        <source>كلمة كاملة</source>
        <translation>Whole word</translation>
    </message>
    <message>
        <source>تعبير نمطي</source>
        <translation>Regular expression</translation>
    </message>
    <message>
        <source>السابق</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>التالي</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>استبدال</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>استبدال الكل</source>
        <translation>Replace all</translation>
    </message>
    <message>
        <source>إغلاق شريط البحث</source>
        <translation>Close the find bar</translation>
    </message>
    <message>
        <source>{current} من {total}</source>
        <translation>{current} of {total}</translation>
    </message>
    <message>
        <source>لا نتائج</source>
        <translation>No results</translation>
    </message>
    <message>
        <source>استُبدل {count}</source>
        <translation>Replaced {count}</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>خطأ غير متوقع في مداد ({kind})</source>
        <translation>An unexpected error in Midad ({kind})</translation>
    </message>
</context>
<context>
    <name>image_dialog</name>
    <message>
        <source>إدراج صورة</source>
        <translation>Insert image</translation>
    </message>
    <message>
        <source>ملف الصورة على هذا الجهاز</source>
        <translation>The image file on this computer</translation>
    </message>
    <message>
        <source>اختيار…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>ما تُظهره الصورة، لمن لا يراها</source>
        <translation>What the picture shows, for those who cannot see it</translation>
    </message>
    <message>
        <source>يظهر تحت الصورة (اختياري)</source>
        <translation>Shown under the picture (optional)</translation>
    </message>
    <message>
        <source>الملف:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>النص البديل:</source>
        <translation>Alt text:</translation>
    </message>
    <message>
        <source>التعليق:</source>
        <translation>Caption:</translation>
    </message>
    <message>
        <source>إدراج</source>
        <translation>Insert</translation>
    </message>
    <message>
        <source>اختيار صورة</source>
        <translation>Choose an image</translation>
    </message>
    <message>
        <source>صور ({patterns})</source>
        <translation>Images ({patterns})</translation>
    </message>
</context>
<context>
    <name>importing</name>
    <message>
        <source>استيراد مقالات</source>
        <translation>Import articles</translation>
    </message>
    <message>
        <source>مقالات ({patterns})</source>
        <translation>Articles ({patterns})</translation>
    </message>
    <message>
        <source>جارٍ استيراد الملفات ({count})…</source>
        <translation>Importing files ({count})…</translation>
    </message>
    <message>
        <source>استُورد {articles}</source>
        <translation>Imported {articles}</translation>
    </message>
    <message>
        <source>{name}: {reason}</source>
        <translation>{name}: {reason}</translation>
    </message>
    <message>
        <source>استُورد {done} من {total}. لم يُستورد ما يلي أو استُورد مع ملاحظة:</source>
        <translation>Imported {done} of {total}. These were not imported, or were imported with a remark:</translation>
    </message>
    <message>
        <source>تعذّر الاستيراد: {error}</source>
        <translation>The import failed: {error}</translation>
    </message>
</context>
<context>
    <name>lease_banner</name>
    <message>
        <source>اطلب التحرير</source>
        <translation>Ask to edit</translation>
    </message>
    <message>
        <source>تولَّ التحرير</source>
        <translation>Take over</translation>
    </message>
    <message>
        <source>يحرّره الآن: {person} — المقال للقراءة فقط</source>
        <translation>Being edited now by {person}: the article is read-only</translation>
    </message>
    <message>
        <source>على الجهاز {machine}</source>
        <translation>On the computer {machine}</translation>
    </message>
    <message>
        <source>سلّمه التحرير</source>
        <translation>Hand it over</translation>
    </message>
    <message>
        <source>أواصل التحرير</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <source>طُلب من {person} أن يترك لك التحرير</source>
        <translation>{person} was asked to let you edit</translation>
    </message>
    <message>
        <source>{person} يطلب تحرير هذا المقال</source>
        <translation>{person} asks to edit this article</translation>
    </message>
    <message>
        <source>سلّمت التحرير إلى {person}</source>
        <translation>You handed the article over to {person}</translation>
    </message>
    <message>
        <source>{person} يواصل تحرير المقال الآن؛ اطلب لاحقًا أو تولَّ التحرير</source>
        <translation>{person} is still editing the article; ask later or take over</translation>
    </message>
    <message>
        <source>حُفظ نصك غير المحفوظ في النسخ السابقة.</source>
        <translation>Your unsaved text was kept in the earlier versions.</translation>
    </message>
</context>
<context>
    <name>list_model</name>
    <message>
        <source>مسودة</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>قيد المراجعة</source>
        <translation>In review</translation>
    </message>
    <message>
        <source>جاهز</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>منشور</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>مؤرشف</source>
        <translation>Archived</translation>
    </message>
    <message>
        <source>منشور على الموقع ومطابق له</source>
        <translation>Published on the site and in step with it</translation>
    </message>
    <message>
        <source>عُدّل بعد آخر نشر على الموقع</source>
        <translation>Changed since it was last published</translation>
    </message>
    <message>
        <source>في صندوق الإرسال: سيُنشر حين يتاح الموقع</source>
        <translation>In the outbox: it will be published when the site is reachable</translation>
    </message>
    <message>
        <source>رفض الموقع النشر: انظر صندوق الإرسال</source>
        <translation>The site refused it: see the outbox</translation>
    </message>
    <message>
        <source>ينتظر الإرسال إلى غرفة الأخبار</source>
        <translation>Waiting to be sent to the newsroom</translation>
    </message>
    <message>
        <source>تعارض مع غرفة الأخبار: النصّان محفوظان في النسخ</source>
        <translation>Conflict with the newsroom: both texts are kept in the revisions</translation>
    </message>
    <message>
        <source>رفضت غرفة الأخبار هذا التعديل</source>
        <translation>The newsroom refused this change</translation>
    </message>
    <message>
        <source>العنوان</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>الحالة</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>التصنيف</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>الكاتب</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>آخر تعديل</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <source>المرحلة</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>d MMM y، h:mm a</source>
        <translation>d MMM y, h:mm a</translation>
    </message>
    <message>
        <source>مقال بلا عنوان</source>
        <translation>Untitled article</translation>
    </message>
    <message>
        <source>يحرّره الآن: {person}</source>
        <translation>Being edited now by {person}</translation>
    </message>
    <message>
        <source>{person} يحرّره: {title}</source>
        <translation>{person} is editing: {title}</translation>
    </message>
</context>
<context>
    <name>main_window</name>
    <message>
        <source>بيانات المقال</source>
        <translation>Article details</translation>
    </message>
    <message>
        <source>، </source>
        <translation>, </translation>
    </message>
    <message>
        <source>التدقيق الإملائي غير متاح لـ: {languages} (القاموس غير مثبت)</source>
        <translation>Spell checking is not available for: {languages} (dictionary not installed)</translation>
    </message>
    <message>
        <source>مقال جديد</source>
        <translation>New article</translation>
    </message>
    <message>
        <source>حفظ</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>نقل إلى المهملات</source>
        <translation>Move to trash</translation>
    </message>
    <message>
        <source>نسخ المقال</source>
        <translation>Duplicate article</translation>
    </message>
    <message>
        <source>النسخ السابقة…</source>
        <translation>Earlier versions…</translation>
    </message>
    <message>
        <source>استعادة من المهملات</source>
        <translation>Restore from trash</translation>
    </message>
    <message>
        <source>إفراغ المهملات…</source>
        <translation>Empty trash…</translation>
    </message>
    <message>
        <source>تصدير…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>استعادة من نسخة احتياطية…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>الأدوات</source>
        <translation>Tools</translation>
    </message>
    <message>
        <source>المقالات</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>البحث في المقالات وقائمتها</source>
        <translation>Search and list of the articles</translation>
    </message>
    <message>
        <source>المحرر</source>
        <translation>Editor</translation>
    </message>
    <message>
        <source>عنوان المقال ونصه بـ Markdown</source>
        <translation>The article’s title and its Markdown text</translation>
    </message>
    <message>
        <source>المعاينة</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>المقال كما سيظهر في الموقع</source>
        <translation>The article as it will appear on the site</translation>
    </message>
    <message>
        <source>الركن والكاتب والتصنيف والوسوم والصورة وحالة النشر</source>
        <translation>Column, author, category, tags, image and publishing status</translation>
    </message>
    <message>
        <source>تعذّرت المعاينة: {problem}</source>
        <translation>The preview failed: {problem}</translation>
    </message>
    <message>
        <source>أُنشئت نسخة من المقال</source>
        <translation>A copy of the article was made</translation>
    </message>
    <message>
        <source>نُقل المقال إلى المهملات</source>
        <translation>The article was moved to the trash</translation>
    </message>
    <message>
        <source>أُعيد المقال من المهملات</source>
        <translation>The article was restored from the trash</translation>
    </message>
    <message>
        <source>حذف {articles} في المهملات نهائيًا؟ لا يمكن التراجع عن ذلك.</source>
        <translation>Delete {articles} in the trash for good? This cannot be undone.</translation>
    </message>
    <message>
        <source>النسخ الاحتياطية للقاعدة المحلية فقط؛ انسخ قاعدة الخادم بأدواته.</source>
        <translation>Backups are for the local database only; back up a server database with its own tools.</translation>
    </message>
    <message>
        <source>حُفظت نسخة احتياطية: {name}</source>
        <translation>Backup saved: {name}</translation>
    </message>
    <message>
        <source>تعذّر حفظ التعديلات الأخيرة، فلم تُستعد النسخة.</source>
        <translation>The latest changes could not be saved, so the backup was not restored.</translation>
    </message>
    <message>
        <source>تعذّرت الاستعادة: {error}</source>
        <translation>Restore failed: {error}</translation>
    </message>
    <message>
        <source>استُعيدت النسخة الاحتياطية</source>
        <translation>The backup was restored</translation>
    </message>
    <message>
        <source>استُعيدت النسخة الاحتياطية؛ للتراجع استعد «{previous}»</source>
        <translation>The backup was restored; to undo, restore “{previous}”</translation>
    </message>
    <message>
        <source>استُعيدت النسخة؛ النص السابق محفوظ في النسخ</source>
        <translation>The version was restored; the previous text is kept in the versions</translation>
    </message>
    <message>
        <source>تعذّر حفظ الإعدادات: {error}</source>
        <translation>Could not save the settings: {error}</translation>
    </message>
    <message>
        <source>تعديلات غير محفوظة</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>محفوظ</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>تعذّر الحفظ — سيُعاد المحاولة</source>
        <translation>Could not save — will retry</translation>
    </message>
    <message>
        <source>تعذّر حفظ آخر التعديلات. هل تريد الإغلاق رغم ذلك؟ ستضيع التعديلات غير المحفوظة.</source>
        <translation>The latest changes could not be saved. Close anyway? Unsaved changes will be lost.</translation>
    </message>
</context>
<context>
    <name>menus</name>
    <message>
        <source>&amp;ملف</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>الإعدادات…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>خروج</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>&amp;تحرير</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>تراجع</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>إعادة</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>بحث…</source>
        <translation>Find…</translation>
    </message>
    <message>
        <source>بحث واستبدال…</source>
        <translation>Find and replace…</translation>
    </message>
    <message>
        <source>&amp;تنسيق</source>
        <translation>F&amp;ormat</translation>
    </message>
    <message>
        <source>&amp;عربية</source>
        <translation>&amp;Arabic</translation>
    </message>
    <message>
        <source>&amp;نشر</source>
        <translation>&amp;Publish</translation>
    </message>
    <message>
        <source>الجزء التالي</source>
        <translation>Next pane</translation>
    </message>
    <message>
        <source>الجزء السابق</source>
        <translation>Previous pane</translation>
    </message>
    <message>
        <source>&amp;مساعدة</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>لوحة الأوامر…</source>
        <translation>Command palette…</translation>
    </message>
    <message>
        <source>اختصارات لوحة المفاتيح</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>عن مداد</source>
        <translation>About Midad</translation>
    </message>
    <message>
        <source>جولة في الواجهة</source>
        <translation>Tour of the window</translation>
    </message>
    <message>
        <source>تباعد الأسطر {value}</source>
        <translation>Line spacing {value}</translation>
    </message>
    <message>
        <source>&amp;عرض</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>البحث في المقالات</source>
        <translation>Search articles</translation>
    </message>
    <message>
        <source>تكبير الخط</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <source>تصغير الخط</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <source>تباعد الأسطر</source>
        <translation>Line spacing</translation>
    </message>
    <message>
        <source>الاتصال بغرفة الأخبار…</source>
        <translation>Connect to newsroom…</translation>
    </message>
    <message>
        <source>المعاينة</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>تكبير المعاينة</source>
        <translation>Zoom the preview in</translation>
    </message>
    <message>
        <source>تصغير المعاينة</source>
        <translation>Zoom the preview out</translation>
    </message>
</context>
<context>
    <name>merge_dialog</name>
    <message>
        <source>نسختهم</source>
        <translation>Their version</translation>
    </message>
    <message>
        <source>نسختك</source>
        <translation>Your version</translation>
    </message>
    <message>
        <source>إبقاء نسختي</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>أخذ نسختهم</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <source>دمج يدوي</source>
        <translation>Merge by hand</translation>
    </message>
    <message>
        <source>الدمج اليدوي</source>
        <translation>Merged by hand</translation>
    </message>
    <message>
        <source>تعديلان متزامنان على المقال</source>
        <translation>Two edits of the article at once</translation>
    </message>
    <message>
        <source>حُفظ هذا المقال من مكان آخر بينما كنت تكتب. دُمجت التعديلات في الفقرات الأخرى تلقائيًا؛ اختر لكل فقرة عدّلها الطرفان ما يبقى. النسختان كاملتين محفوظتان في النسخ السابقة.</source>
        <translation>This article was saved from elsewhere while you were writing. Changes in other paragraphs were merged automatically; for each paragraph both sides changed, choose what stays. Both full versions are kept in the earlier versions.</translation>
    </message>
    <message>
        <source>حفظ ما اخترته</source>
        <translation>Save my choices</translation>
    </message>
    <message>
        <source>العنوان</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>الموضع {number}</source>
        <translation>Place {number}</translation>
    </message>
</context>
<context>
    <name>newsroom</name>
    <message>
        <source>كاتب</source>
        <translation>writer</translation>
    </message>
    <message>
        <source>محرر</source>
        <translation>editor</translation>
    </message>
    <message>
        <source>رئيس تحرير</source>
        <translation>chief editor</translation>
    </message>
    <message>
        <source>مدير</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <source>غرفة الأخبار {server}: {who}</source>
        <translation>Newsroom {server}: {who}</translation>
    </message>
    <message>
        <source>متصل بخادم غرفة الأخبار</source>
        <translation>Connected to the newsroom server</translation>
    </message>
    <message>
        <source>غرفة الأخبار {server}: غير متصل</source>
        <translation>Newsroom {server}: not connected</translation>
    </message>
    <message>
        <source>لا مجلد للإعدادات لحفظ الاتصال فيه</source>
        <translation>There is no settings folder to keep the connection in</translation>
    </message>
    <message>
        <source>نسخة من غرفة أخبار أخرى</source>
        <translation>A copy of another newsroom</translation>
    </message>
    <message>
        <source>مكتبتك نسخة من غرفة أخبار أخرى ({other}): اتصل بها، أو افتح مجلد بيانات آخر لهذه.</source>
        <translation>Your library is the copy of another newsroom ({other}): connect to that one, or open another data folder for this one.</translation>
    </message>
    <message>
        <source>مشاركة مقالاتك مع غرفة الأخبار</source>
        <translation>Share your articles with the newsroom</translation>
    </message>
    <message>
        <source>تصبح مكتبتك نسخة من غرفة الأخبار تعمل دون اتصال، وتُرسل مقالاتها ({count}) إلى الخادم ليقرأها زملاؤك حسب صلاحياتهم. أتتابع؟</source>
        <translation>Your library becomes the newsroom&apos;s offline copy, and its articles ({count}) are sent to the server, where colleagues read them as their rights allow. Continue?</translation>
    </message>
    <message>
        <source>مكتبتك الآن نسخة من غرفة الأخبار: تكتب فيها دائمًا، وتُزامن حين يتاح الخادم</source>
        <translation>Your library is now the newsroom&apos;s copy: you always write in it, and it syncs when the server is reachable</translation>
    </message>
</context>
<context>
    <name>newsroom_dialog</name>
    <message>
        <source>الاتصال بغرفة الأخبار</source>
        <translation>Connect to newsroom</translation>
    </message>
    <message>
        <source>عنوان الخادم</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>اسم الدخول</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>كلمة السر</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>تحقق كامل من الشهادة والاسم (موصى به)</source>
        <translation>Check the certificate and the name (recommended)</translation>
    </message>
    <message>
        <source>تحقق من الشهادة فقط</source>
        <translation>Check the certificate only</translation>
    </message>
    <message>
        <source>تشفير دون تحقق</source>
        <translation>Encrypt without checking</translation>
    </message>
    <message>
        <source>ملف شهادة غرفة الأخبار (.crt)</source>
        <translation>The newsroom&apos;s certificate file (.crt)</translation>
    </message>
    <message>
        <source>اختيار…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>الخادم</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>المنفذ</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>قاعدة البيانات</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>التشفير (TLS)</source>
        <translation>Encryption (TLS)</translation>
    </message>
    <message>
        <source>الشهادة</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>اتصال</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>شهادة غرفة الأخبار</source>
        <translation>The newsroom&apos;s certificate</translation>
    </message>
    <message>
        <source>الشهادات (*.crt *.pem);;كل الملفات (*)</source>
        <translation>Certificates (*.crt *.pem);;All files (*)</translation>
    </message>
    <message>
        <source>جارٍ الاتصال…</source>
        <translation>Connecting…</translation>
    </message>
</context>
<context>
    <name>newsroom_search</name>
    <message>
        <source>البحث في أرشيف غرفة الأخبار</source>
        <translation>Search the newsroom archive</translation>
    </message>
    <message>
        <source>نسختك تضم مقالات آخر {days} يومًا. ابحث هنا عن الأقدم منها؛ ما تفتحه يُجلب إلى نسختك ويبقى متزامنًا.</source>
        <translation>Your copy holds the articles of the last {days} days. Search here for older ones; what you open is fetched into your copy and kept in sync.</translation>
    </message>
    <message>
        <source>كلمات البحث</source>
        <translation>Search words</translation>
    </message>
    <message>
        <source>ابحث</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>افتح</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>جارٍ البحث في غرفة الأخبار…</source>
        <translation>Searching the newsroom…</translation>
    </message>
    <message>
        <source>(بلا عنوان)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>اختر مقالًا وافتحه لجلبه إلى نسختك</source>
        <translation>Choose an article and open it to fetch it into your copy</translation>
    </message>
    <message>
        <source>لا مقالات أخرى في غرفة الأخبار تطابق البحث</source>
        <translation>No other article in the newsroom matches</translation>
    </message>
    <message>
        <source>جارٍ جلب المقال من غرفة الأخبار…</source>
        <translation>Fetching the article from the newsroom…</translation>
    </message>
    <message>
        <source>جُلب المقال من غرفة الأخبار إلى نسختك</source>
        <translation>The article was fetched from the newsroom into your copy</translation>
    </message>
    <message>
        <source>غرفة الأخبار غير متاحة الآن، فلا يمكن جلب المقالات الأقدم. مقالات نسختك كلها متاحة كالمعتاد؛ أعد المحاولة حين يعود الاتصال.</source>
        <translation>The newsroom cannot be reached now, so older articles cannot be fetched. Every article of your copy is available as usual; try again when the connection is back.</translation>
    </message>
    <message>
        <source>تعذّر البحث في غرفة الأخبار: {problem}</source>
        <translation>Could not search the newsroom: {problem}</translation>
    </message>
</context>
<context>
    <name>outbox_panel</name>
    <message>
        <source>المقال</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>الموقع</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>الحالة</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>المحاولات</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>المحاولة التالية</source>
        <translation>Next attempt</translation>
    </message>
    <message>
        <source>آخر خطأ</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>صندوق الإرسال</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>لا شيء ينتظر النشر.</source>
        <translation>Nothing is waiting to be published.</translation>
    </message>
    <message>
        <source>إعادة المحاولة الآن</source>
        <translation>Retry now</translation>
    </message>
    <message>
        <source>إلغاء الطلب</source>
        <translation>Cancel request</translation>
    </message>
    <message>
        <source>إعادة المحاولة للكل</source>
        <translation>Retry all</translation>
    </message>
    <message>
        <source>مقال بلا عنوان</source>
        <translation>Untitled article</translation>
    </message>
</context>
<context>
    <name>panel</name>
    <message>
        <source>مثال: افتتاحية</source>
        <translation>For example: Editorial</translation>
    </message>
    <message>
        <source>المستويات مفصولة بـ / مثل: أخبار/أمن وعدالة</source>
        <translation>Levels separated by /, e.g. News/Security and justice</translation>
    </message>
    <message>
        <source>وسوم مفصولة بفواصل</source>
        <translation>Tags separated by commas</translation>
    </message>
    <message>
        <source>من العنوان</source>
        <translation>From the title</translation>
    </message>
    <message>
        <source>محدد</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <source>للمقال تاريخ نشر محدد</source>
        <translation>The article has a set publication date</translation>
    </message>
    <message>
        <source>اختيار صورة…</source>
        <translation>Choose image…</translation>
    </message>
    <message>
        <source>إزالة</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>تعليق الصورة البارزة</source>
        <translation>Featured image caption</translation>
    </message>
    <message>
        <source>تعليق الصورة</source>
        <translation>Image caption</translation>
    </message>
    <message>
        <source>ملاحظات خاصة بالتحرير: لا تُصدَّر ولا تُنشر</source>
        <translation>Editorial notes: never exported or published</translation>
    </message>
    <message>
        <source>الحالة</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>عمود</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>الكاتب</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>التصنيف</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>الوسوم</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>الرابط المختصر</source>
        <translation>Slug</translation>
    </message>
    <message>
        <source>المقتطف</source>
        <translation>Excerpt</translation>
    </message>
    <message>
        <source>تاريخ النشر</source>
        <translation>Publication date</translation>
    </message>
    <message>
        <source>لغة التاريخ</source>
        <translation>Date language</translation>
    </message>
    <message>
        <source>الصورة البارزة</source>
        <translation>Featured image</translation>
    </message>
    <message>
        <source>ملاحظات</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>، </source>
        <translation>, </translation>
    </message>
    <message>
        <source>بتوقيت الموقع ({zone})، ويُحفظ بالتوقيت العالمي</source>
        <translation>Site time ({zone}), stored as UTC</translation>
    </message>
    <message>
        <source>«{status}» — {who}، {when}</source>
        <translation>“{status}” — {who}, {when}</translation>
    </message>
    <message>
        <source>لا صورة</source>
        <translation>No image</translation>
    </message>
    <message>
        <source>اختيار الصورة البارزة</source>
        <translation>Choose the featured image</translation>
    </message>
    <message>
        <source>صور (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <source>ابحث في العناوين والنصوص والوسوم…</source>
        <translation>Search titles, text and tags…</translation>
    </message>
    <message>
        <source>البحث في المقالات</source>
        <translation>Search articles</translation>
    </message>
    <message>
        <source>تصفية حسب الحالة</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <source>تصفية حسب التصنيف</source>
        <translation>Filter by category</translation>
    </message>
    <message>
        <source>تصفية حسب الكاتب</source>
        <translation>Filter by author</translation>
    </message>
    <message>
        <source>المهملات</source>
        <translation>Trash</translation>
    </message>
    <message>
        <source>عرض المهملات</source>
        <translation>Show the trash</translation>
    </message>
    <message>
        <source>إفراغ المهملات…</source>
        <translation>Empty trash…</translation>
    </message>
    <message>
        <source>قائمة المقالات</source>
        <translation>Article list</translation>
    </message>
    <message>
        <source>الكل</source>
        <translation>All</translation>
    </message>
    <message>
        <source>لا مقال يطابق «{query}».</source>
        <translation>No article matches “{query}”.</translation>
    </message>
    <message>
        <source>المهملات فارغة.</source>
        <translation>The trash is empty.</translation>
    </message>
    <message>
        <source>لا مقال بهذه التصفية.</source>
        <translation>No article with these filters.</translation>
    </message>
    <message>
        <source>لا مقالات بعد. ابدأ مقالًا جديدًا بـ {shortcut}.</source>
        <translation>No articles yet. Start a new one with {shortcut}.</translation>
    </message>
    <message>
        <source>تصفية حسب الشخص</source>
        <translation>Filter by person</translation>
    </message>
    <message>
        <source>الجميع</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>مقالاتي</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>المسندة إليّ</source>
        <translation>Assigned to me</translation>
    </message>
    <message>
        <source>بقلم {name}</source>
        <translation>By {name}</translation>
    </message>
</context>
<context>
    <name>password_store</name>
    <message>
        <source>كلمات مرور المواقع</source>
        <translation>Site passwords</translation>
    </message>
    <message>
        <source>لا توجد سلسلة مفاتيح للنظام على هذا الجهاز لحفظ كلمة مرور الموقع. يستطيع مداد حفظ كلمات مرور المواقع في ملف مشفّر داخل مجلد البيانات، تحميه عبارة مرور تختارها (لا تُحفظ كلمة مرور نصًّا مكشوفًا أبدًا). ستُسأل عنها مرة في كل تشغيل.</source>
        <translation>This computer has no system keyring to keep the site password. Midad can keep site passwords in an encrypted file in the data folder, protected by a passphrase you choose (a password is never stored as plain text). You will be asked for it once each time Midad starts.</translation>
    </message>
    <message>
        <source>كلمات مرور المواقع في ملف مشفّر. اكتب عبارة المرور لفتحه.</source>
        <translation>Site passwords are in an encrypted file. Type the passphrase to open it.</translation>
    </message>
    <message>
        <source>عبارة المرور</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>تأكيد عبارة المرور</source>
        <translation>Confirm the passphrase</translation>
    </message>
    <message>
        <source>عبارة المرور:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>تأكيدها:</source>
        <translation>Again:</translation>
    </message>
    <message>
        <source>استعمال ملف مشفّر</source>
        <translation>Use an encrypted file</translation>
    </message>
    <message>
        <source>فتح</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>اختر عبارة مرور من {count} أحرف على الأقل</source>
        <translation>Choose a passphrase of at least {count} characters</translation>
    </message>
    <message>
        <source>عبارتا المرور غير متطابقتين</source>
        <translation>The two passphrases differ</translation>
    </message>
</context>
<context>
    <name>problem_banner</name>
    <message>
        <source>المعاينة بالقالب المضمّن إلى أن يُصلَح قالب غرفة الأخبار: {problem}</source>
        <translation>The preview uses the bundled template until the newsroom template is fixed: {problem}</translation>
    </message>
</context>
<context>
    <name>publish_dialog</name>
    <message>
        <source>النشر على الموقع</source>
        <translation>Publish to site</translation>
    </message>
    <message>
        <source>الموقع</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>الحالة على الموقع</source>
        <translation>Status on the site</translation>
    </message>
    <message>
        <source>كما هي على الموقع الآن</source>
        <translation>As it is on the site now</translation>
    </message>
    <message>
        <source>«{title}»</source>
        <translation>“{title}”</translation>
    </message>
    <message>
        <source>الحالة</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>نشر</source>
        <translation>Publish</translation>
    </message>
    <message>
        <source>إلغاء</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>إن تعذّر الوصول إلى الموقع يُحفظ الطلب في صندوق الإرسال ويُعاد تلقائيًا.</source>
        <translation>If the site cannot be reached, the request waits in the outbox and is retried automatically.</translation>
    </message>
</context>
<context>
    <name>publishing_labels</name>
    <message>
        <source>ووردبريس</source>
        <translation>WordPress</translation>
    </message>
    <message>
        <source>Ghost</source>
        <translation>Ghost</translation>
    </message>
    <message>
        <source>مسودة على الموقع</source>
        <translation>Draft on the site</translation>
    </message>
    <message>
        <source>بانتظار المراجعة</source>
        <translation>Pending review</translation>
    </message>
    <message>
        <source>نشر الآن</source>
        <translation>Publish now</translation>
    </message>
    <message>
        <source>نشر مجدول (في تاريخ النشر)</source>
        <translation>Scheduled (on the publication date)</translation>
    </message>
    <message>
        <source>ينتظر</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>رفضه الموقع</source>
        <translation>Refused by the site</translation>
    </message>
    <message>
        <source>نُشر</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>أُلغي</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>التحقق من المقال على الموقع…</source>
        <translation>Checking the article on the site…</translation>
    </message>
    <message>
        <source>رفع الصورة {number} من {total}…</source>
        <translation>Uploading image {number} of {total}…</translation>
    </message>
    <message>
        <source>رفع الصورة البارزة…</source>
        <translation>Uploading the featured image…</translation>
    </message>
    <message>
        <source>التصنيفات والوسوم…</source>
        <translation>Categories and tags…</translation>
    </message>
    <message>
        <source>إرسال المقال…</source>
        <translation>Sending the article…</translation>
    </message>
    <message>
        <source>أُخذت نسخة الموقع</source>
        <translation>The site’s version was taken</translation>
    </message>
    <message>
        <source>قراءة المقال {number} من الموقع…</source>
        <translation>Reading post {number} from the site…</translation>
    </message>
</context>
<context>
    <name>recovery</name>
    <message>
        <source>استعادة آخر نسخة احتياطية سليمة</source>
        <translation>Restore the latest good backup</translation>
    </message>
    <message>
        <source>خروج</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>تعذّر فتح قاعدة البيانات، ولا توجد نسخة احتياطية سليمة:
{problem}</source>
        <translation>The database could not be opened, and there is no good backup:
{problem}</translation>
    </message>
    <message>
        <source>قاعدة البيانات تالفة:
{problem}

آخر نسخة احتياطية سليمة من {when}. يُحتفظ بالملف التالف باسم جديد ولا يُمحى. هل تستعيد النسخة؟</source>
        <translation>The database is damaged:
{problem}

The latest good backup is from {when}. The damaged file is kept under a new name, never deleted. Restore the backup?</translation>
    </message>
    <message>
        <source>تعذّرت الاستعادة: {error}</source>
        <translation>Restore failed: {error}</translation>
    </message>
</context>
<context>
    <name>revisions</name>
    <message>
        <source>حفظ يدوي</source>
        <translation>Saved by hand</translation>
    </message>
    <message>
        <source>حفظ تلقائي</source>
        <translation>Autosave</translation>
    </message>
    <message>
        <source>تغيير الحالة</source>
        <translation>Status change</translation>
    </message>
    <message>
        <source>نشر</source>
        <translation>Publish</translation>
    </message>
    <message>
        <source>استعادة</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>قبول اقتراح</source>
        <translation>Suggestion accepted</translation>
    </message>
    <message>
        <source>&lt;p dir=&quot;rtl&quot;&gt;لا فرق بين هذه النسخة والنص الحالي.&lt;/p&gt;</source>
        <translation>&lt;p dir=&quot;ltr&quot;&gt;This version is the same as the current text.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>النسخ السابقة</source>
        <translation>Earlier versions</translation>
    </message>
    <message>
        <source>الوقت</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>السبب</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>الحالة</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>الكلمات</source>
        <translation>Words</translation>
    </message>
    <message>
        <source>الفرق</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>استعادة هذه النسخة</source>
        <translation>Restore this version</translation>
    </message>
    <message>
        <source>&lt;p dir=&quot;rtl&quot;&gt;لا نسخ سابقة لهذا المقال بعد. تُحفظ نسخة عند Ctrl+S وعند تغيير الحالة، وكل عشر دقائق أثناء الكتابة.&lt;/p&gt;</source>
        <translation>&lt;p dir=&quot;ltr&quot;&gt;No earlier versions of this article yet. A version is kept on Ctrl+S, on a status change, and every ten minutes while writing.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>تعديل متزامن</source>
        <translation>Concurrent edit</translation>
    </message>
    <message>
        <source>قبل تولّي التحرير</source>
        <translation>Before a takeover</translation>
    </message>
    <message>
        <source>بواسطة</source>
        <translation>By</translation>
    </message>
</context>
<context>
    <name>settings_dialog</name>
    <message>
        <source>المنطقة الزمنية للموقع</source>
        <translation>Site time zone</translation>
    </message>
    <message>
        <source>الإعدادات</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>أقسام الإعدادات</source>
        <translation>Settings sections</translation>
    </message>
    <message>
        <source>الواجهة</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>المحرر</source>
        <translation>Editor</translation>
    </message>
    <message>
        <source>التواريخ والأرقام</source>
        <translation>Dates and numbers</translation>
    </message>
    <message>
        <source>المقالات الجديدة والنشر</source>
        <translation>New articles and publishing</translation>
    </message>
    <message>
        <source>اختصارات لوحة المفاتيح</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>لغة الواجهة</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>لغة النظام</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>السمة</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>حسب النظام</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>فاتحة</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>داكنة</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>إشعارات سطح المكتب حين لا تكون النافذة نشطة (سير العمل)</source>
        <translation>Desktop notifications when the window is not active (workflow)</translation>
    </message>
    <message>
        <source>تغيير اللغة يعيد بناء النافذة فورًا؛ لا يضيع شيء مما كتبت.</source>
        <translation>Changing the language rebuilds the window at once; nothing you wrote is lost.</translation>
    </message>
    <message>
        <source>خط المحرر</source>
        <translation>Editor font</translation>
    </message>
    <message>
        <source>حجم الخط</source>
        <translation>Font size</translation>
    </message>
    <message>
        <source>تباعد الأسطر</source>
        <translation>Line spacing</translation>
    </message>
    <message>
        <source> ث</source>
        <translation> s</translation>
    </message>
    <message>
        <source>الحفظ التلقائي بعد التوقف عن الكتابة</source>
        <translation>Autosave after you stop typing</translation>
    </message>
    <message>
        <source>علامات التنصيص</source>
        <translation>Quotation marks</translation>
    </message>
    <message>
        <source>دون تدقيق</source>
        <translation>No checking</translation>
    </message>
    <message>
        <source>قاموس العربية</source>
        <translation>Arabic dictionary</translation>
    </message>
    <message>
        <source>قاموس اللغات اللاتينية</source>
        <translation>Latin-script dictionary</translation>
    </message>
    <message>
        <source>الحفظ التلقائي بعد</source>
        <translation>Autosave after</translation>
    </message>
    <message>
        <source>لغة التاريخ ومنطقته</source>
        <translation>Date language and region</translation>
    </message>
    <message>
        <source>الأرقام</source>
        <translation>Digits</translation>
    </message>
    <message>
        <source>غربية (0123)</source>
        <translation>Western (0123)</translation>
    </message>
    <message>
        <source>مشرقية (٠١٢٣)</source>
        <translation>Eastern Arabic (٠١٢٣)</translation>
    </message>
    <message>
        <source>مثال على التاريخ</source>
        <translation>Date example</translation>
    </message>
    <message>
        <source>مثال</source>
        <translation>Example</translation>
    </message>
    <message>
        <source>لغة التاريخ هي لغة المقالات الجديدة؛ ولكل مقال لغته في بياناته.</source>
        <translation>The date language is that of new articles; each article keeps its own in its details.</translation>
    </message>
    <message>
        <source>الكاتب الافتراضي</source>
        <translation>Default author</translation>
    </message>
    <message>
        <source>مثال: أمن وعدالة</source>
        <translation>For example: أمن وعدالة</translation>
    </message>
    <message>
        <source>التصنيف الافتراضي</source>
        <translation>Default category</translation>
    </message>
    <message>
        <source>الموقع الافتراضي</source>
        <translation>Default site</translation>
    </message>
    <message>
        <source>آخر موقع نُشر إليه</source>
        <translation>The last site published to</translation>
    </message>
    <message>
        <source>القالب المضمّن</source>
        <translation>The bundled template</translation>
    </message>
    <message>
        <source>مجلد القوالب</source>
        <translation>Template folder</translation>
    </message>
    <message>
        <source>اختيار…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>اختيار مجلد القوالب</source>
        <translation>Choose the template folder</translation>
    </message>
    <message>
        <source>لا مجلد: صور المقال المحفوظة فقط</source>
        <translation>No folder: only the article&apos;s stored images</translation>
    </message>
    <message>
        <source>مجلد الصور</source>
        <translation>Images folder</translation>
    </message>
    <message>
        <source>اختيار مجلد الصور</source>
        <translation>Choose the images folder</translation>
    </message>
    <message>
        <source>لم تُحفظ الإعدادات: صحّح الاختصارات أولًا.</source>
        <translation>The settings were not saved: correct the shortcuts first.</translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <source>الاختصار {keys} («{command}») مفتاح كتابة: اختر اختصارًا مع Ctrl أو Alt، أو مفتاحًا من F1 إلى F12</source>
        <translation>{keys} (“{command}”) is a typing key: choose a shortcut with Ctrl or Alt, or a key from F1 to F12</translation>
    </message>
    <message>
        <source>» و«</source>
        <translation>” and “</translation>
    </message>
    <message>
        <source>الاختصار {keys} لأكثر من أمر: «{commands}»</source>
        <translation>{keys} is given to more than one command: “{commands}”</translation>
    </message>
</context>
<context>
    <name>shortcuts_dialog</name>
    <message>
        <source>اختصارات لوحة المفاتيح</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>الأمر</source>
        <translation>Command</translation>
    </message>
    <message>
        <source>الاختصار</source>
        <translation>Shortcut</translation>
    </message>
</context>
<context>
    <name>shortcuts_page</name>
    <message>
        <source>الأوامر واختصاراتها</source>
        <translation>Commands and their shortcuts</translation>
    </message>
    <message>
        <source>الأمر</source>
        <translation>Command</translation>
    </message>
    <message>
        <source>الاختصار</source>
        <translation>Shortcut</translation>
    </message>
    <message>
        <source>اختصار «{command}»</source>
        <translation>Shortcut for “{command}”</translation>
    </message>
    <message>
        <source>انقر خانة الاختصار واضغط المفاتيح الجديدة؛ زر المسح يترك الأمر بلا اختصار.</source>
        <translation>Click a shortcut and press the new keys; the clear button leaves the command without one.</translation>
    </message>
</context>
<context>
    <name>sites_dialog</name>
    <message>
        <source>مثل Africa/Casablanca؛ فارغة: منطقة الإعدادات</source>
        <translation>e.g. Africa/Casablanca; empty: the zone in Settings</translation>
    </message>
    <message>
        <source>المنطقة الزمنية</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>المواقع</source>
        <translation>Sites</translation>
    </message>
    <message>
        <source>المواقع المضافة</source>
        <translation>Added sites</translation>
    </message>
    <message>
        <source>نوع الموقع</source>
        <translation>Kind of site</translation>
    </message>
    <message>
        <source>كلمة مرور التطبيق</source>
        <translation>Application password</translation>
    </message>
    <message>
        <source>فارغ: عنوان الموقع نفسه</source>
        <translation>Empty: the site&apos;s own address</translation>
    </message>
    <message>
        <source>النوع</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>الاسم</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>اسم المستخدم</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>عنوان الإدارة</source>
        <translation>Admin address</translation>
    </message>
    <message>
        <source>لغة التواريخ</source>
        <translation>Date language</translation>
    </message>
    <message>
        <source>الحالة الافتراضية</source>
        <translation>Default status</translation>
    </message>
    <message>
        <source>التصنيف الافتراضي</source>
        <translation>Default category</translation>
    </message>
    <message>
        <source>موقع جديد</source>
        <translation>New site</translation>
    </message>
    <message>
        <source>حفظ الموقع</source>
        <translation>Save site</translation>
    </message>
    <message>
        <source>اختبار الاتصال</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>حذف</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>مفتاح Admin API</source>
        <translation>Admin API key</translation>
    </message>
    <message>
        <source>من Ghost › الإعدادات › التكاملات: المعرّف:السر</source>
        <translation>From Ghost › Settings › Integrations: id:secret</translation>
    </message>
    <message>
        <source>محفوظة في سلسلة مفاتيح النظام؛ اتركها فارغة لإبقائها</source>
        <translation>Stored in the system keyring; leave empty to keep it</translation>
    </message>
    <message>
        <source>من ووردبريس › المستخدمون › الملف الشخصي › كلمات مرور التطبيقات</source>
        <translation>From WordPress › Users › Profile › Application Passwords</translation>
    </message>
    <message>
        <source>عنوان الموقع</source>
        <translation>Site address</translation>
    </message>
    <message>
        <source>حُفظ الموقع؛ كلمة المرور في سلسلة مفاتيح النظام</source>
        <translation>Site saved; the password is in the system keyring</translation>
    </message>
    <message>
        <source>جارٍ الاتصال…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>الاتصال يعمل: «{site}» باسم {user}</source>
        <translation>Connection works: “{site}” as {user}</translation>
    </message>
    <message>
        <source>خطأ غير متوقع: {kind}</source>
        <translation>Unexpected error: {kind}</translation>
    </message>
    <message>
        <source>حذف الموقع «{site}» وكلمة مروره؟</source>
        <translation>Delete the site “{site}” and its password?</translation>
    </message>
    <message>
        <source>لم يُحفظ الموقع: لا مكان لحفظ كلمة المرور</source>
        <translation>The site was not saved: there is nowhere to keep its password</translation>
    </message>
    <message>
        <source>حُفظ الموقع؛ كلمة المرور في الملف المشفّر</source>
        <translation>Site saved; the password is in the encrypted file</translation>
    </message>
</context>
<context>
    <name>spelling_menu</name>
    <message>
        <source>لا اقتراحات</source>
        <translation>No suggestions</translation>
    </message>
    <message>
        <source>إضافة «{word}» إلى القاموس</source>
        <translation>Add “{word}” to the dictionary</translation>
    </message>
    <message>
        <source>تجاهل في هذه الجلسة</source>
        <translation>Ignore in this session</translation>
    </message>
</context>
<context>
    <name>sync_conflict</name>
    <message>
        <source>عُدّل هذا المقال في غرفة الأخبار وهنا في الموضع نفسه. النصّان محفوظان في النسخ السابقة.</source>
        <translation>This article was changed in the newsroom and here in the same place. Both texts are kept in the earlier versions.</translation>
    </message>
    <message>
        <source>حلّ التعارض…</source>
        <translation>Settle the conflict…</translation>
    </message>
    <message>
        <source>حُلّ التعارض: سيُرسل النص إلى غرفة الأخبار عند المزامنة التالية</source>
        <translation>Conflict settled: the text goes to the newsroom at the next sync</translation>
    </message>
</context>
<context>
    <name>sync_status</name>
    <message>
        <source>زامن الآن</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>ابحث في أرشيف غرفة الأخبار…</source>
        <translation>Search the newsroom archive…</translation>
    </message>
    <message>
        <source>غير متصل بغرفة الأخبار</source>
        <translation>Not connected to the newsroom</translation>
    </message>
    <message>
        <source>متزامن مع غرفة الأخبار</source>
        <translation>In step with the newsroom</translation>
    </message>
    <message>
        <source>غرفة الأخبار: جارٍ الاتصال…</source>
        <translation>Newsroom: connecting…</translation>
    </message>
    <message>
        <source>{state}: {count} تغييرات تنتظر الإرسال</source>
        <translation>{state}: {count} changes waiting to be sent</translation>
    </message>
    <message>
        <source>نسختك المحلية تُحفظ دائمًا، وتُرسل التغييرات حين يتاح الخادم</source>
        <translation>Your own copy is always saved; changes are sent when the server can be reached</translation>
    </message>
</context>
<context>
    <name>text_preview</name>
    <message>
        <source>المعاينة مبسّطة: مكوّن QtWebEngine غير متوفر على هذا الجهاز.</source>
        <translation>Simplified preview: QtWebEngine is not available on this machine.</translation>
    </message>
    <message>
        <source>معاينة المقال</source>
        <translation>Article preview</translation>
    </message>
</context>
<context>
    <name>tour</name>
    <message>
        <source>المقالات</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>كل مقالاتك هنا. ابحث بالكلمات العربية كما تُكتب، ورتّب وصفِّ حسب الحالة والتصنيف والكاتب.</source>
        <translation>All your articles are here. Search in Arabic as it is written; sort and filter by status, category and author.</translation>
    </message>
    <message>
        <source>المحرر</source>
        <translation>Editor</translation>
    </message>
    <message>
        <source>اكتب بـ Markdown من اليمين إلى اليسار. يُحفظ نصك تلقائيًا بعد كل توقف، ولا يضيع حتى لو انقطع التيار.</source>
        <translation>Write right to left in Markdown. Your text is saved whenever you pause, and survives even a power cut.</translation>
    </message>
    <message>
        <source>المعاينة</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>هكذا سيبدو المقال على الموقع، على سطح المكتب أو اللوحي أو الهاتف.</source>
        <translation>How the article will look on the site, on a desktop, a tablet or a phone.</translation>
    </message>
    <message>
        <source>بيانات المقال</source>
        <translation>Article details</translation>
    </message>
    <message>
        <source>الركن والكاتب والتصنيف والوسوم والصورة البارزة وحالة المقال.</source>
        <translation>The column, author, category, tags, featured image and status of the article.</translation>
    </message>
    <message>
        <source>الأوامر</source>
        <translation>Commands</translation>
    </message>
    <message>
        <source>مقال جديد، تصدير، نشر على الموقع. كل أمر تجده أيضًا في لوحة الأوامر (Ctrl+Shift+P) بالعربية أو الإنجليزية.</source>
        <translation>New article, export, publish to the site. Every command is also in the command palette (Ctrl+Shift+P), in Arabic or English.</translation>
    </message>
    <message>
        <source>جولة في الواجهة</source>
        <translation>Tour of the window</translation>
    </message>
    <message>
        <source>السابق</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>التالي</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>إنهاء الجولة</source>
        <translation>End the tour</translation>
    </message>
    <message>
        <source>{step} من {steps}</source>
        <translation>{step} of {steps}</translation>
    </message>
    <message>
        <source>انتهيت</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>web_preview</name>
    <message>
        <source>معاينة المقال كما سيظهر في الموقع</source>
        <translation>Preview of the article as it will appear on the site</translation>
    </message>
    <message>
        <source>السماح بالصور والفيديو من الإنترنت</source>
        <translation>Allow images and video from the internet</translation>
    </message>
    <message>
        <source>المعاينة لا تحمّل شيئًا من الإنترنت ما لم تسمح بذلك (للعمل دون اتصال وللخصوصية)</source>
        <translation>The preview loads nothing from the internet unless you allow it (for offline work and privacy)</translation>
    </message>
</context>
<context>
    <name>workflow</name>
    <message>
        <source>إرسال إلى…</source>
        <translation>Send to…</translation>
    </message>
    <message>
        <source>مسار المقال</source>
        <translation>Article history</translation>
    </message>
    <message>
        <source>خطة اليوم</source>
        <translation>Today&apos;s budget</translation>
    </message>
    <message>
        <source>المكاتب والمراحل</source>
        <translation>Desks and stages</translation>
    </message>
    <message>
        <source>تصفية حسب المكتب والمرحلة</source>
        <translation>Filter by desk and stage</translation>
    </message>
    <message>
        <source>&amp;سير العمل</source>
        <translation>&amp;Workflow</translation>
    </message>
    <message>
        <source>كل المكاتب والمراحل</source>
        <translation>All desks and stages</translation>
    </message>
    <message>
        <source>افتح مقالًا أولًا</source>
        <translation>Open an article first</translation>
    </message>
    <message>
        <source>لا مكاتب بعد: يضيفها رئيس التحرير (midad desks add أخبار).</source>
        <translation>No desks yet: a chief editor adds them (midad desks add News).</translation>
    </message>
    <message>
        <source>أُرسل إلى {where}</source>
        <translation>Sent to {where}</translation>
    </message>
    <message>
        <source>سير العمل</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>d MMM، h:mm a</source>
        <translation>d MMM, h:mm a</translation>
    </message>
    <message>
        <source>الإشعارات</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>تعليم الكل مقروءًا</source>
        <translation>Mark all read</translation>
    </message>
    <message>
        <source>لا إشعارات.</source>
        <translation>No notifications.</translation>
    </message>
    <message>
        <source>{count} إشعار غير مقروء</source>
        <translation>{count} unread notifications</translation>
    </message>
    <message>
        <source>لا إشعارات جديدة</source>
        <translation>No new notifications</translation>
    </message>
    <message>
        <source>مداد</source>
        <translation>Midad</translation>
    </message>
    <message>
        <source>قصة جديدة…</source>
        <translation>New story…</translation>
    </message>
    <message>
        <source>ابدأ الكتابة</source>
        <translation>Start writing</translation>
    </message>
    <message>
        <source>متأخرة</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>بدأت</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>لم تبدأ</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>{words} كلمة</source>
        <translation>{words} words</translation>
    </message>
    <message>
        <source>{count} قصة، منها {late} متأخرة</source>
        <translation>{count} stories, {late} of them late</translation>
    </message>
    <message>
        <source>قصة جديدة</source>
        <translation>New story</translation>
    </message>
    <message>
        <source>بلا مكتب</source>
        <translation>No desk</translation>
    </message>
    <message>
        <source>لا أحد بعد</source>
        <translation>Nobody yet</translation>
    </message>
    <message>
        <source>العنوان المؤقت</source>
        <translation>Working title</translation>
    </message>
    <message>
        <source>المكتب</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>الكاتب</source>
        <translation>Writer</translation>
    </message>
    <message>
        <source>الموعد</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>الطول المتوقع (كلمات)</source>
        <translation>Expected length (words)</translation>
    </message>
    <message>
        <source>ملاحظات</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>d MMM y، h:mm a</source>
        <translation>d MMM y, h:mm a</translation>
    </message>
    <message>
        <source>مقال بلا عنوان</source>
        <translation>Untitled article</translation>
    </message>
    <message>
        <source>لم يُرسل المقال إلى أي مرحلة بعد.</source>
        <translation>The article has not been sent to any stage yet.</translation>
    </message>
    <message>
        <source>كاتب</source>
        <translation>writer</translation>
    </message>
    <message>
        <source>محرر</source>
        <translation>editor</translation>
    </message>
    <message>
        <source>رئيس تحرير</source>
        <translation>chief editor</translation>
    </message>
    <message>
        <source>مدير</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>سبق أن بُتّ في هذا الاقتراح</source>
        <translation>this suggestion was already accepted or rejected</translation>
    </message>
    <message>
        <source>لا يغلق النقاش أو يعيد فتحه إلا صاحبه أو محرر</source>
        <translation>only who started the comment, or an editor, may resolve or reopen it</translation>
    </message>
    <message>
        <source>لا يقبل الاقتراح أو يرفضه إلا كاتب المقال أو محرر</source>
        <translation>only the article&apos;s writer or an editor may accept or reject a suggestion</translation>
    </message>
    <message>
        <source>لا يغيّر نص الاقتراح إلا صاحبه</source>
        <translation>only its author may change a suggestion&apos;s text</translation>
    </message>
    <message>
        <source>التعليق الذي يجيب عنه هذا الرد ليس على الخادم</source>
        <translation>the comment this reply answers is not on the server</translation>
    </message>
    <message>
        <source>{desk} › {stage}</source>
        <translation>{desk} › {stage}</translation>
    </message>
    <message>
        <source>{where} · {person}</source>
        <translation>{where} · {person}</translation>
    </message>
    <message>
        <source>أرسله {who} إلى {where}، إلى {person}</source>
        <translation>{who} sent it to {where}, to {person}</translation>
    </message>
    <message>
        <source>أرسله {who} إلى {where}</source>
        <translation>{who} sent it to {where}</translation>
    </message>
    <message>
        <source>أسند {who} إلى {person} القصة «{title}»</source>
        <translation>{who} assigned “{title}” to {person}</translation>
    </message>
    <message>
        <source>بدأ {who} كتابة «{title}»</source>
        <translation>{who} started writing “{title}”</translation>
    </message>
    <message>
        <source>رفض الخادم إرساله دون اتصال إلى {where}: {reason}</source>
        <translation>The server refused the offline send to {where}: {reason}</translation>
    </message>
    <message>
        <source>رفض الخادم ما فعلته دون اتصال في «{excerpt}»: {why}</source>
        <translation>The server refused what you did offline on “{excerpt}”: {why}</translation>
    </message>
    <message>
        <source>ذكرك {who} في تعليق</source>
        <translation>{who} mentioned you in a comment</translation>
    </message>
    <message>
        <source>قبل {who} اقتراحك</source>
        <translation>{who} accepted your suggestion</translation>
    </message>
    <message>
        <source>رفض {who} اقتراحك</source>
        <translation>{who} rejected your suggestion</translation>
    </message>
    <message>
        <source>أغلق {who} نقاشًا</source>
        <translation>{who} resolved a thread</translation>
    </message>
    <message>
        <source>تولّى {who} تحرير المقال</source>
        <translation>{who} took over editing the article</translation>
    </message>
    <message>
        <source>{who}: {kind}</source>
        <translation>{who}: {kind}</translation>
    </message>
    <message>
        <source>{text}: «{message}»</source>
        <translation>{text}: “{message}”</translation>
    </message>
    <message>
        <source>المقال الآن في: {where}</source>
        <translation>The article is now at: {where}</translation>
    </message>
    <message>
        <source>المقال لم يدخل سير العمل بعد.</source>
        <translation>The article is not in the workflow yet.</translation>
    </message>
    <message>
        <source>المرحلة</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>إلى شخص</source>
        <translation>To a person</translation>
    </message>
    <message>
        <source>لا أحد بعينه</source>
        <translation>Nobody in particular</translation>
    </message>
    <message>
        <source>رسالة</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>ما الذي ينبغي فعله بالمقال؟</source>
        <translation>What should be done with the article?</translation>
    </message>
    <message>
        <source>إرسال</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>إلى</source>
        <translation>To</translation>
    </message>
    <message>
        <source>{stage} ({role})</source>
        <translation>{stage} ({role})</translation>
    </message>
    <message>
        <source>{stage} ({count})</source>
        <translation>{stage} ({count})</translation>
    </message>
    <message>
        <source>صلاحية: {role}</source>
        <translation>needs: {role}</translation>
    </message>
    <message>
        <source>المقالات حسب المكتب والمرحلة</source>
        <translation>Articles by desk and stage</translation>
    </message>
    <message>
        <source>المكتب › المرحلة › المقال</source>
        <translation>Desk › stage › article</translation>
    </message>
    <message>
        <source>الشخص</source>
        <translation>Person</translation>
    </message>
</context>
<context>
    <name>writing_comfort</name>
    <message>
        <source>وضع التركيز</source>
        <translation>Focus mode</translation>
    </message>
    <message>
        <source>التمرير على طريقة الآلة الكاتبة</source>
        <translation>Typewriter scrolling</translation>
    </message>
    <message>
        <source>هدف الكلمات لهذه الجلسة…</source>
        <translation>Word goal for this session…</translation>
    </message>
    <message>
        <source>مخطط المقال</source>
        <translation>Article outline</translation>
    </message>
    <message>
        <source>المخطط</source>
        <translation>Outline</translation>
    </message>
    <message>
        <source>هدف الكلمات</source>
        <translation>Word goal</translation>
    </message>
    <message>
        <source>كم كلمة تريد أن تكتب في هذه الجلسة؟</source>
        <translation>How many words do you want to write this session?</translation>
    </message>
    <message>
        <source>هدف الجلسة: {written} / {goal} كلمة</source>
        <translation>Session goal: {written} / {goal} words</translation>
    </message>
</context>
</TS>
