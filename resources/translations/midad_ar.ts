<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>errors</name>
    <message>
        <source>{name} is {size} MB; images are limited to 25 MB</source>
        <translation>حجم {name} هو {size} م.ب، والحد الأقصى للصور 25 م.ب</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>تعذّرت قراءة {path}: {reason}</translation>
    </message>
    <message>
        <source>{name} is not a PNG, JPEG, GIF or WebP image</source>
        <translation>{name} ليست صورة PNG أو JPEG أو GIF أو WebP</translation>
    </message>
    <message>
        <source>there is no database at {path} to back up</source>
        <translation>لا قاعدة بيانات في {path} لنسخها احتياطيًا</translation>
    </message>
    <message>
        <source>cannot back up {name}: {error}</source>
        <translation>تعذّر النسخ الاحتياطي لـ {name}: {error}</translation>
    </message>
    <message>
        <source>cannot write a backup in {folder}: {reason}</source>
        <translation>تعذّرت كتابة نسخة احتياطية في {folder}: {reason}</translation>
    </message>
    <message>
        <source>there is no backup named {name} (see `midad backup list`)</source>
        <translation>لا نسخة احتياطية باسم {name} (انظر `midad backup list`)</translation>
    </message>
    <message>
        <source>the backup {name} cannot be read: {error}</source>
        <translation>تعذّرت قراءة النسخة الاحتياطية {name}: {error}</translation>
    </message>
    <message>
        <source>the backup {name} is damaged: {verdict}</source>
        <translation>النسخة الاحتياطية {name} تالفة: {verdict}</translation>
    </message>
    <message>
        <source>cannot restore {name}: {error}</source>
        <translation>تعذّرت استعادة {name}: {error}</translation>
    </message>
    <message>
        <source>there is no article with id {id}</source>
        <translation>لا مقال بالرقم {id}</translation>
    </message>
    <message>
        <source>cannot import {path}: {reason}</source>
        <translation>تعذّر استيراد {path}: {reason}</translation>
    </message>
    <message>
        <source>unknown status {value} (expected one of: {allowed})</source>
        <translation>حالة غير معروفة {value} (المتاح: {allowed})</translation>
    </message>
    <message>
        <source>unknown locale {value} (examples: ar, ar_MA, ar_EG, en)</source>
        <translation>لغة غير معروفة {value} (أمثلة: ar وar_MA وar_EG وen)</translation>
    </message>
    <message>
        <source>cannot read the date {value}; use ISO 8601, e.g. 2024-04-09T18:23:00+01:00</source>
        <translation>تعذّرت قراءة التاريخ {value}؛ اكتبه بصيغة ISO 8601 مثل 2024-04-09T18:23:00+01:00</translation>
    </message>
    <message>
        <source>tags must be a list, not {kind}</source>
        <translation>الوسوم يجب أن تكون قائمة، لا {kind}</translation>
    </message>
    <message>
        <source>category {path} has an empty level</source>
        <translation>في التصنيف {path} مستوى فارغ</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>القرص ممتلئ</translation>
    </message>
    <message>
        <source>the disk quota is exceeded</source>
        <translation>تجاوزتَ الحصة المسموح بها على القرص</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>لا صلاحية للكتابة</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>القرص للقراءة فقط</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>المجلد غير موجود</translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation>جزء من المسار ليس مجلدًا</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>تعذّرت كتابة {path}: {reason}</translation>
    </message>
    <message>
        <source>invalid regular expression: {error}</source>
        <translation>تعبير نمطي غير صالح: {error}</translation>
    </message>
    <message>
        <source>no group {group} in the pattern</source>
        <translation>لا مجموعة {group} في النمط</translation>
    </message>
    <message>
        <source>cannot edit {fields}</source>
        <translation>لا يمكن تعديل {fields}</translation>
    </message>
    <message>
        <source>the publication time must be a date-time with a time zone</source>
        <translation>وقت النشر يجب أن يكون تاريخًا ووقتًا مع منطقة زمنية</translation>
    </message>
    <message>
        <source>article {article} has no revision {revision}</source>
        <translation>لا نسخة {revision} للمقال {article}</translation>
    </message>
    <message>
        <source>no system keyring is available to keep the site password: unlock or install one (GNOME Keyring, KWallet, macOS Keychain, Windows Credential Manager), or choose a keyring backend with PYTHON_KEYRING_BACKEND (see the README)</source>
        <translation>لا سلسلة مفاتيح في النظام لحفظ كلمة مرور الموقع: افتحها أو ثبّت واحدة (GNOME Keyring أو KWallet أو macOS Keychain أو Windows Credential Manager)، أو اختر واحدة عبر PYTHON_KEYRING_BACKEND (انظر README)</translation>
    </message>
    <message>
        <source>the keyring refused to store the password: {kind}</source>
        <translation>رفضت سلسلة المفاتيح حفظ كلمة المرور: {kind}</translation>
    </message>
    <message>
        <source>the keyring could not be read: {kind}</source>
        <translation>تعذّرت قراءة سلسلة المفاتيح: {kind}</translation>
    </message>
    <message>
        <source>no password is stored for {user} on {site}: set it again with `midad sites add` or in Site settings</source>
        <translation>لا كلمة مرور محفوظة لـ {user} على {site}: أدخلها من جديد في نافذة المواقع أو بـ `midad sites add`</translation>
    </message>
    <message>
        <source>{url} did not accept the featured image (media {media})</source>
        <translation>لم يقبل {url} الصورة البارزة (الوسائط {media})</translation>
    </message>
    <message>
        <source>a scheduled post needs a publication date: set it in the article's details</source>
        <translation>النشر المجدول يحتاج إلى تاريخ نشر: حدّده في بيانات المقال</translation>
    </message>
    <message>
        <source>“{url}” is not a web address: use https://example.com</source>
        <translation>«{url}» ليس عنوان موقع: اكتب مثلًا https://example.com</translation>
    </message>
    <message>
        <source>{url} uses plain http, which would send the password unencrypted: use https:// (plain http is allowed only for 127.0.0.1 and localhost)</source>
        <translation>العنوان {url} يستعمل http غير المشفّر، فتُرسل كلمة المرور مكشوفة: استعمل https:// (يُسمح بـ http لـ 127.0.0.1 وlocalhost فقط)</translation>
    </message>
    <message>
        <source>unknown status “{status}”: use one of {allowed}</source>
        <translation>حالة غير معروفة «{status}»: اختر واحدة من {allowed}</translation>
    </message>
    <message>
        <source>a site needs a name</source>
        <translation>الموقع يحتاج إلى اسم</translation>
    </message>
    <message>
        <source>a site needs a username and an application password</source>
        <translation>الموقع يحتاج إلى اسم مستخدم وكلمة مرور تطبيق</translation>
    </message>
    <message>
        <source>; check the username and the application password (WordPress › Users › Profile › Application Passwords)</source>
        <translation>؛ تحقّق من اسم المستخدم وكلمة مرور التطبيق (ووردبريس › المستخدمون › الملف الشخصي › كلمات مرور التطبيقات)</translation>
    </message>
    <message>
        <source>; this WordPress user may not do that: ask the site's administrator for the Editor or Author role</source>
        <translation>؛ لا يحق لهذا المستخدم ذلك في ووردبريس: اطلب من مدير الموقع دور «محرر» أو «كاتب»</translation>
    </message>
    <message>
        <source>{url} did not answer in time</source>
        <translation>لم يُجب {url} في الوقت المحدد</translation>
    </message>
    <message>
        <source>cannot reach {url}: {kind}</source>
        <translation>تعذّر الوصول إلى {url}: {kind}</translation>
    </message>
    <message>
        <source>{url} answered {status}{said}; it will be retried</source>
        <translation>أجاب {url} بالرمز {status}{said}؛ ستُعاد المحاولة</translation>
    </message>
    <message>
        <source>{url} refused ({status}){said}{advice}</source>
        <translation>رفض {url} الطلب ({status}){said}{advice}</translation>
    </message>
    <message>
        <source>{url} answered {path} with something that is not JSON; is this a WordPress site?</source>
        <translation>أجاب {url} عن {path} بما ليس JSON؛ هل هذا موقع ووردبريس؟</translation>
    </message>
    <message>
        <source>{url} does not offer the WordPress REST API (wp/v2)</source>
        <translation>لا يتيح {url} واجهة ووردبريس البرمجية (wp/v2)</translation>
    </message>
    <message>
        <source>{url} refused the category “{name}”: {said}</source>
        <translation>رفض {url} التصنيف «{name}»: {said}</translation>
    </message>
    <message>
        <source>{url} refused the tag “{name}”: {said}</source>
        <translation>رفض {url} الوسم «{name}»: {said}</translation>
    </message>
    <message>
        <source>the database failed: {reason}</source>
        <translation>تعطّلت قاعدة البيانات: {reason}</translation>
    </message>
    <message>
        <source>not a database URL: {url}</source>
        <translation>ليس عنوان قاعدة بيانات: {url}</translation>
    </message>
    <message>
        <source>cannot create the data folder {folder}: {reason}; check its permissions or choose another folder with --data-dir</source>
        <translation>تعذّر إنشاء مجلد البيانات {folder}: {reason}؛ تحقّق من صلاحياته أو اختر مجلدًا آخر بـ --data-dir</translation>
    </message>
    <message>
        <source>no database driver for {backend}: {error}</source>
        <translation>لا مشغّل لقاعدة البيانات {backend}: {error}</translation>
    </message>
    <message>
        <source>cannot open the database: {reason}</source>
        <translation>تعذّر فتح قاعدة البيانات: {reason}</translation>
    </message>
    <message>
        <source>this database was written by a newer version of Midad (schema {schema}); update Midad to open it</source>
        <translation>كتب هذه القاعدةَ إصدارٌ أحدث من مداد (المخطط {schema})؛ حدّث مداد لفتحها</translation>
    </message>
    <message>
        <source>cannot upgrade the database: {reason}</source>
        <translation>تعذّر تحديث قاعدة البيانات: {reason}</translation>
    </message>
    <message>
        <source>Midad cannot read its database {path}: {reason}</source>
        <translation>لا يستطيع مداد قراءة قاعدة بياناته {path}: {reason}</translation>
    </message>
    <message>
        <source>the database {path} is damaged (the file is not a SQLite database); Midad has not changed it{hint}</source>
        <translation>قاعدة البيانات {path} تالفة (الملف ليس قاعدة SQLite)؛ لم يغيّر مداد فيها شيئًا{hint}</translation>
    </message>
    <message>
        <source>the database {path} is damaged (the file is truncated: {size} of {expected} bytes); Midad has not changed it{hint}</source>
        <translation>قاعدة البيانات {path} تالفة (الملف مبتور: {size} من {expected} بايت)؛ لم يغيّر مداد فيها شيئًا{hint}</translation>
    </message>
    <message>
        <source>{where} is not a Midad database (it holds the tables {tables}); Midad has left it untouched: choose another file or folder</source>
        <translation>{where} ليست قاعدة بيانات لمداد (فيها الجداول {tables})؛ تركها مداد كما هي: اختر ملفًا أو مجلدًا آخر</translation>
    </message>
    <message>
        <source>the database {where} is locked by another program (another Midad on the same folder, a sync or backup tool): close it and try again</source>
        <translation>قاعدة البيانات {where} مقفلة من برنامج آخر (مداد آخر على المجلد نفسه، أو أداة مزامنة أو نسخ احتياطي): أغلقه وحاول من جديد</translation>
    </message>
    <message>
        <source>Midad cannot write its database in {folder}: the folder or the file is read-only; check its permissions or choose another folder with --data-dir</source>
        <translation>لا يستطيع مداد الكتابة في قاعدة بياناته في {folder}: المجلد أو الملف للقراءة فقط؛ تحقّق من الصلاحيات أو اختر مجلدًا آخر بـ --data-dir</translation>
    </message>
    <message>
        <source>the database {where} is damaged ({detail}); Midad has not changed it{hint}</source>
        <translation>قاعدة البيانات {where} تالفة ({detail})؛ لم يغيّر مداد فيها شيئًا{hint}</translation>
    </message>
    <message>
        <source>. The latest backup is {name} ({when}): restore it with File › Restore from backup… or `midad backup restore {name}`</source>
        <translation>. آخر نسخة احتياطية {name} ({when}): استعدها من ملف › استعادة من نسخة احتياطية… أو بـ `midad backup restore {name}`</translation>
    </message>
    <message>
        <source>someone else changed {fields} of article {id} meanwhile; nothing was saved</source>
        <translation>غيّر شخص آخر {fields} في المقال {id} في الأثناء؛ لم يُحفظ شيء</translation>
    </message>
    <message>
        <source>article {id} was changed elsewhere since this text was loaded; nothing was overwritten</source>
        <translation>عُدّل المقال {id} من مكان آخر بعد تحميل هذا النص؛ لم يُكتب فوق شيء</translation>
    </message>
</context>
</TS>
