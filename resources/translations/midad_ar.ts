<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>errors</name>
    <message>
        <source>unknown time zone “{zone}”: use an IANA name such as Africa/Casablanca</source>
        <translation>منطقة زمنية غير معروفة «{zone}»: استعمل اسمًا من قاعدة IANA مثل Africa/Casablanca</translation>
    </message>
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
        <source>the date {value} is out of range</source>
        <translation>التاريخ {value} خارج المدى الممكن</translation>
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
        <source>cannot make {path}: the page did not load</source>
        <translation>تعذّر إنشاء {path}: لم تُحمَّل الصفحة</translation>
    </message>
    <message>
        <source>cannot write {path}: printing to PDF failed</source>
        <translation>تعذّرت كتابة {path}: فشلت الطباعة إلى PDF</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>تعذّرت كتابة {path}: {reason}</translation>
    </message>
    <message>
        <source>{path} is not a regular file (a device, a pipe or a folder); Midad reads only ordinary files</source>
        <translation>{path} ليس ملفًا عاديًا (جهاز أو أنبوب أو مجلد)؛ لا يقرأ مداد إلا الملفات العادية</translation>
    </message>
    <message>
        <source>{path} is larger than {limit} MB, the most Midad reads from such a file</source>
        <translation>{path} أكبر من {limit} ميغابايت، وهو أقصى ما يقرؤه مداد من ملف كهذا</translation>
    </message>
    <message>
        <source>refused to write {path}: it is outside the chosen folder {folder}</source>
        <translation>رُفضت الكتابة في {path}: إنه خارج المجلد المختار {folder}</translation>
    </message>
    <message>
        <source>refused to write {path}: it is a device, a pipe or a folder, not a file; choose a file name</source>
        <translation>رُفضت الكتابة في {path}: إنه جهاز أو أنبوب أو مجلد وليس ملفًا؛ اختر اسم ملف</translation>
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
        <source>a scheduled post needs a publication date: set it in the article&apos;s details</source>
        <translation>النشر المجدول يحتاج إلى تاريخ نشر: حدّده في بيانات المقال</translation>
    </message>
    <message>
        <source>the slug is longer than WordPress keeps (200 characters once encoded); it was shortened at a word to “{slug}”</source>
        <translation>الرابط المختصر أطول مما يحفظه ووردبريس (200 حرف بعد الترميز)؛ فاختُصر عند نهاية كلمة إلى «{slug}»</translation>
    </message>
    <message>
        <source>“{url}” is not a web address: use https://example.com</source>
        <translation>«{url}» ليس عنوان موقع: اكتب مثلًا https://example.com</translation>
    </message>
    <message>
        <source>the address {url} contains a username or password: remove it, and give the application password in its own field (it is kept in the system keyring, never in the address)</source>
        <translation>العنوان {url} يحوي اسم مستخدم أو كلمة مرور: احذفهما، واكتب كلمة مرور التطبيق في حقلها (تُحفظ في سلسلة مفاتيح النظام، لا في العنوان)</translation>
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
        <source>; this WordPress user may not do that: ask the site&apos;s administrator for the Editor or Author role</source>
        <translation>؛ لا يحق لهذا المستخدم ذلك في ووردبريس: اطلب من مدير الموقع دور «محرر» أو «كاتب»</translation>
    </message>
    <message>
        <source>{url} did not answer in time</source>
        <translation>لم يُجب {url} في الوقت المحدد</translation>
    </message>
    <message>
        <source>cannot reach {url}: nothing answers at that address (check it and the network)</source>
        <translation>تعذّر الوصول إلى {url}: لا شيء يجيب على هذا العنوان (تحقّق منه ومن الشبكة)</translation>
    </message>
    <message>
        <source>the connection to {url} was cut before its answer arrived</source>
        <translation>انقطع الاتصال بـ{url} قبل أن يصل جوابه</translation>
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
        <source>{url} sent the request elsewhere ({status} to {location}); Midad follows no redirect that leaves the site or changes a write: check the site&apos;s address in Site settings</source>
        <translation>أحال {url} الطلب إلى مكان آخر ({status} إلى {location})؛ لا يتبع مداد إحالة تغادر الموقع أو تغيّر طلب كتابة: راجع عنوان الموقع في إعدادات المواقع</translation>
    </message>
    <message>
        <source>{url} redirects without end</source>
        <translation>{url} يحيل بلا نهاية</translation>
    </message>
    <message>
        <source>{url} sent an answer larger than {limit} MB; Midad stopped reading it</source>
        <translation>أرسل {url} ردًا أكبر من {limit} ميغابايت؛ فتوقف مداد عن قراءته</translation>
    </message>
    <message>
        <source>{url} answered {path} with something that is not JSON; is this a WordPress site?</source>
        <translation>أجاب {url} عن {path} بما ليس JSON؛ هل هذا موقع ووردبريس؟</translation>
    </message>
    <message>
        <source>{url} answered {path} with something WordPress does not send ({problem}); nothing was changed here</source>
        <translation>ردّ {url} على {path} بما لا يرسله ووردبريس ({problem})؛ ولم يتغير شيء هنا</translation>
    </message>
    <message>
        <source>{url} does not offer the WordPress REST API (wp/v2)</source>
        <translation>لا يتيح {url} واجهة ووردبريس البرمجية (wp/v2)</translation>
    </message>
    <message>
        <source>publishing was cancelled</source>
        <translation>أُلغي النشر</translation>
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
        <source>the image “{reference}” was left out: {reason}</source>
        <translation>تُركت الصورة «{reference}»: {reason}</translation>
    </message>
    <message>
        <source>it is not a file on this computer</source>
        <translation>ليست ملفًا على هذا الحاسوب</translation>
    </message>
    <message>
        <source>it is not a file name</source>
        <translation>ليست اسم ملف</translation>
    </message>
    <message>
        <source>no images folder is chosen; add the image to the article or choose its folder in the settings</source>
        <translation>لم يُختر مجلد للصور؛ أضف الصورة إلى المقال أو اختر مجلدها في الإعدادات</translation>
    </message>
    <message>
        <source>there is no such file</source>
        <translation>لا يوجد ملف كهذا</translation>
    </message>
    <message>
        <source>it is outside the images folders you chose ({folders})</source>
        <translation>إنها خارج مجلدات الصور التي اخترتها ({folders})</translation>
    </message>
    <message>
        <source>it is not a PNG, JPEG, GIF or WebP image</source>
        <translation>ليست صورة PNG أو JPEG أو GIF أو WebP</translation>
    </message>
    <message>
        <source>the article has no such stored image</source>
        <translation>ليست للمقال صورة محفوظة كهذه</translation>
    </message>
    <message>
        <source>no system keyring is available to keep the site password: unlock or install one (GNOME Keyring, KWallet, macOS Keychain, Windows Credential Manager), or keep site passwords in an encrypted file (`midad sites passwords-file`, or the window offers it; see the README)</source>
        <translation>لا توجد سلسلة مفاتيح للنظام لحفظ كلمة مرور الموقع: افتح واحدة أو ثبّتها (GNOME Keyring أو KWallet أو سلسلة مفاتيح macOS أو مدير بيانات الاعتماد في ويندوز)، أو احفظ كلمات مرور المواقع في ملف مشفّر (`midad sites passwords-file`، أو تعرضه النافذة؛ انظر README)</translation>
    </message>
    <message>
        <source>no data folder is set for the password file</source>
        <translation>لم يُحدَّد مجلد البيانات لملف كلمات المرور</translation>
    </message>
    <message>
        <source>the passphrase cannot be empty</source>
        <translation>لا يمكن أن تكون عبارة المرور فارغة</translation>
    </message>
    <message>
        <source>the passphrase of the password file is not right</source>
        <translation>عبارة مرور ملف كلمات المرور غير صحيحة</translation>
    </message>
    <message>
        <source>site passwords are in an encrypted file: give its passphrase (in the window, or {env} for the command line)</source>
        <translation>كلمات مرور المواقع في ملف مشفّر: أعطِ عبارة مروره (في النافذة، أو {env} لسطر الأوامر)</translation>
    </message>
    <message>
        <source>only an editor may set the status «{status}»; nothing was changed</source>
        <translation>لا يضع الحالة «{status}» إلا محرر؛ لم يتغيّر شيء</translation>
    </message>
    <message>
        <source>only an editor may change the status «{old}» to «{new}»; nothing was changed</source>
        <translation>لا يغيّر الحالة «{old}» إلى «{new}» إلا محرر؛ لم يتغيّر شيء</translation>
    </message>
    <message>
        <source>only an editor may assign articles; nothing was changed</source>
        <translation>لا يُسند المقالات إلا محرر؛ لم يتغيّر شيء</translation>
    </message>
    <message>
        <source>only an admin may change who wrote an article; nothing was changed</source>
        <translation>لا يغيّر كاتب المقال إلا مدير؛ لم يتغيّر شيء</translation>
    </message>
    <message>
        <source>only an admin of the newsroom may manage people; nothing was changed</source>
        <translation>لا يدير أفراد غرفة الأخبار إلا مديرها؛ لم يتغيّر شيء</translation>
    </message>
    <message>
        <source>only the article&apos;s writer or an editor may accept or reject its suggestions; nothing was changed</source>
        <translation>لا يقبل اقتراحات المقال أو يرفضها إلا كاتبه أو محرر؛ لم يتغيّر شيء</translation>
    </message>
    <message>
        <source>only who started a comment, or an editor, may resolve or reopen it; nothing was changed</source>
        <translation>لا يحلّ التعليق أو يعيد فتحه إلا من بدأه أو محرر؛ لم يتغيّر شيء</translation>
    </message>
    <message>
        <source>this suggestion was already accepted or rejected; nothing was changed</source>
        <translation>قُبل هذا الاقتراح أو رُفض من قبل؛ لم يتغيّر شيء</translation>
    </message>
    <message>
        <source>only its author may change a suggestion&apos;s text; nothing was changed</source>
        <translation>لا يغيّر نص الاقتراح إلا صاحبه؛ لم يتغيّر شيء</translation>
    </message>
    <message>
        <source>the login {login} is already taken on this server; choose another</source>
        <translation>اسم الدخول {login} مستعمل على هذا الخادم؛ اختر غيره</translation>
    </message>
    <message>
        <source>{login} is not a person of this newsroom</source>
        <translation>{login} ليس من أفراد غرفة الأخبار هذه</translation>
    </message>
    <message>
        <source>the server {host} refused the password of {user}: check it, or ask an admin to reset it</source>
        <translation>رفض الخادم {host} كلمة سر {user}: تحقّق منها أو اطلب من المدير تعيين غيرها</translation>
    </message>
    <message>
        <source>{user} is disabled on the newsroom server {host}: ask an admin</source>
        <translation>حساب {user} معطّل على خادم غرفة الأخبار {host}: راجع المدير</translation>
    </message>
    <message>
        <source>the certificate of the server is not for {host}: this may not be your newsroom&apos;s server; check the address (with sslmode=verify-full the name must match the certificate)</source>
        <translation>شهادة الخادم ليست للاسم {host}: قد لا يكون هذا خادم غرفة أخبارك؛ تحقّق من العنوان (مع sslmode=verify-full يجب أن يطابق الاسمُ الشهادة)</translation>
    </message>
    <message>
        <source>the certificate of the server {host} is not signed by the authority you trust (sslrootcert): this may not be your newsroom&apos;s server</source>
        <translation>شهادة الخادم {host} غير موقّعة من الجهة التي تثق بها (sslrootcert): قد لا يكون هذا خادم غرفة أخبارك</translation>
    </message>
    <message>
        <source>sslmode=verify-full needs the newsroom&apos;s certificate authority: give its file with sslrootcert=PATH</source>
        <translation>يحتاج sslmode=verify-full إلى شهادة جهة التوقيع لغرفة الأخبار: حدّد ملفها بـ sslrootcert=PATH</translation>
    </message>
    <message>
        <source>the server {host} accepts only encrypted connections: use sslmode=verify-full (or require)</source>
        <translation>لا يقبل الخادم {host} إلا الاتصالات المشفّرة: استعمل sslmode=verify-full (أو require)</translation>
    </message>
    <message>
        <source>the server {host} does not offer TLS, and this connection requires it</source>
        <translation>لا يوفّر الخادم {host} تشفير TLS، وهذا الاتصال يشترطه</translation>
    </message>
    <message>
        <source>the server {host} does not let {user} connect to {database} from this machine</source>
        <translation>لا يسمح الخادم {host} لـ {user} بالاتصال بقاعدة {database} من هذا الجهاز</translation>
    </message>
    <message>
        <source>there is no database {database} on the server {host}</source>
        <translation>لا توجد قاعدة بيانات باسم {database} على الخادم {host}</translation>
    </message>
    <message>
        <source>cannot find the server {host}: check its address</source>
        <translation>تعذّر العثور على الخادم {host}: تحقّق من عنوانه</translation>
    </message>
    <message>
        <source>the newsroom server {host}:{port} does not answer: it may be down or restarting, or the address is wrong; try again in a moment</source>
        <translation>خادم غرفة الأخبار {host}:{port} لا يجيب: قد يكون متوقفًا أو يُعاد تشغيله، أو العنوان خاطئ؛ أعد المحاولة بعد قليل</translation>
    </message>
    <message>
        <source>{user} is not a person of the newsroom {database}: ask an admin to add them</source>
        <translation>{user} ليس من أفراد غرفة الأخبار {database}: اطلب من المدير إضافته</translation>
    </message>
    <message>
        <source>{user} has no right to do this on the newsroom server; nothing was changed</source>
        <translation>لا يملك {user} حق القيام بهذا على خادم غرفة الأخبار؛ لم يتغيّر شيء</translation>
    </message>
    <message>
        <source>unknown role {role}; choose writer, editor, chief or admin</source>
        <translation>دور غير معروف {role}؛ اختر writer أو editor أو chief أو admin</translation>
    </message>
    <message>
        <source>{login} cannot be a login: use lower-case Latin letters, digits, _ . or - (63 at most), starting with a letter</source>
        <translation>لا يصلح {login} اسمًا للدخول: استعمل حروفًا لاتينية صغيرة وأرقامًا و _ . - (63 على الأكثر) تبدأ بحرف</translation>
    </message>
    <message>
        <source>people and roles belong to a newsroom server: connect with --database-url postgresql://…</source>
        <translation>الأفراد والأدوار من شأن خادم غرفة الأخبار: اتصل بـ --database-url postgresql://…</translation>
    </message>
    <message>
        <source>a person needs a display name</source>
        <translation>يحتاج كل فرد إلى اسم يظهر به</translation>
    </message>
    <message>
        <source>a password needs at least 8 characters</source>
        <translation>تحتاج كلمة السر إلى 8 أحرف على الأقل</translation>
    </message>
    <message>
        <source>a newsroom server is a PostgreSQL database (postgresql://…); {url} is not one</source>
        <translation>خادم غرفة الأخبار قاعدة بيانات PostgreSQL (postgresql://…)؛ و{url} ليس كذلك</translation>
    </message>
    <message>
        <source>{login} cannot set up a newsroom: `midad server init` needs a PostgreSQL superuser, or the database&apos;s owner with CREATEROLE; nothing was changed</source>
        <translation>لا يستطيع {login} إعداد غرفة أخبار: يحتاج `midad server init` إلى مستخدم PostgreSQL خارق، أو مالك القاعدة مع صلاحية CREATEROLE؛ لم يتغيّر شيء</translation>
    </message>
    <message>
        <source>no newsroom saved: give --server postgresql://person@host/database, or connect once from the window</source>
        <translation>لا غرفة أخبار محفوظة: اذكر ‎--server postgresql://person@host/database، أو اتصل بها مرة من النافذة</translation>
    </message>
    <message>
        <source>a newsroom needs a server address, a database and a person</source>
        <translation>تحتاج غرفة الأخبار إلى عنوان خادم وقاعدة بيانات واسم دخول</translation>
    </message>
    <message>
        <source>{port} is not a port number</source>
        <translation>{port} ليس رقم منفذ</translation>
    </message>
    <message>
        <source>unknown TLS check {mode}; choose verify-full, verify-ca or require</source>
        <translation>طريقة تحقق TLS غير معروفة {mode}؛ اختر verify-full أو verify-ca أو require</translation>
    </message>
    <message>
        <source>someone else changed {fields} of article {id} meanwhile; nothing was saved</source>
        <translation>غيّر شخص آخر {fields} في المقال {id} في الأثناء؛ لم يُحفظ شيء</translation>
    </message>
    <message>
        <source>article {id} was changed elsewhere since this text was loaded; nothing was overwritten</source>
        <translation>عُدّل المقال {id} من مكان آخر بعد تحميل هذا النص؛ لم يُكتب فوق شيء</translation>
    </message>
    <message>
        <source>there is no article to export</source>
        <translation>لا مقال للتصدير</translation>
    </message>
    <message>
        <source>unknown export format {name}</source>
        <translation>صيغة تصدير غير معروفة: {name}</translation>
    </message>
    <message>
        <source>{variable} is not a variable Midad gives the template</source>
        <translation>«{variable}» ليس متغيرًا يعطيه مداد للقالب</translation>
    </message>
    <message>
        <source>syntax error ({detail})</source>
        <translation>خطأ في الصياغة ({detail})</translation>
    </message>
    <message>
        <source>the newsroom template {name}: {problem}</source>
        <translation>قالب غرفة الأخبار {name}: {problem}</translation>
    </message>
    <message>
        <source>the newsroom template {name}, line {line}: {problem}</source>
        <translation>قالب غرفة الأخبار {name}، السطر {line}: {problem}</translation>
    </message>
    <message>
        <source>unsupported file type (supported: {supported})</source>
        <translation>نوع ملف غير مدعوم (المدعوم: {supported})</translation>
    </message>
    <message>
        <source>it unpacks to more than 200 MB; it is not an ordinary Word document</source>
        <translation>يتجاوز حجمه بعد فكّ ضغطه 200 ميغابايت؛ ليس مستند Word عاديًا</translation>
    </message>
    <message>
        <source>not a Word document (no word/document.xml inside)</source>
        <translation>ليس مستند Word (لا يحوي word/document.xml)</translation>
    </message>
    <message>
        <source>not a Word document ({detail})</source>
        <translation>ليس مستند Word ({detail})</translation>
    </message>
    <message>
        <source>a part of the Word document is damaged ({detail})</source>
        <translation>جزء من مستند Word تالف ({detail})</translation>
    </message>
    <message>
        <source>the front matter that opens with --- is never closed</source>
        <translation>البيانات التمهيدية التي تبدأ بـ --- لا تُغلَق</translation>
    </message>
    <message>
        <source>the front matter is larger than 256 KB; it is meant for a few short fields</source>
        <translation>البيانات التمهيدية أكبر من 256 كيلوبايت؛ وهي لحقول قصيرة قليلة</translation>
    </message>
    <message>
        <source>the front matter has an impossible date or number ({detail})</source>
        <translation>في البيانات التمهيدية تاريخ أو عدد مستحيل ({detail})</translation>
    </message>
    <message>
        <source>the front matter is nested too deeply</source>
        <translation>البيانات التمهيدية متداخلة إلى عمق مفرط</translation>
    </message>
    <message>
        <source>broken front matter: {problem}</source>
        <translation>بيانات تمهيدية معطوبة: {problem}</translation>
    </message>
    <message>
        <source>broken front matter at line {line}: {problem}</source>
        <translation>بيانات تمهيدية معطوبة في السطر {line}: {problem}</translation>
    </message>
    <message>
        <source>the front matter must be key: value lines</source>
        <translation>يجب أن تكون البيانات التمهيدية أسطرًا من نوع مفتاح: قيمة</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>إنه مجلد لا ملف</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>لا ملف بهذا الاسم</translation>
    </message>
    <message>
        <source>the file is {size} MB; the limit is {limit} MB</source>
        <translation>حجم الملف {size} ميغابايت؛ والحد {limit} ميغابايت</translation>
    </message>
    <message>
        <source>it is not UTF-8 text (invalid byte at position {position})</source>
        <translation>ليس نصًّا بترميز UTF-8 (بايت غير صالح في الموضع {position})</translation>
    </message>
    <message>
        <source>it contains NUL bytes; it looks like a binary file</source>
        <translation>يحوي بايتات NUL؛ يبدو ملفًّا ثنائيًّا</translation>
    </message>
    <message>
        <source>an assignment needs a working title</source>
        <translation>تحتاج القصة إلى عنوان مؤقت</translation>
    </message>
    <message>
        <source>the expected length cannot be negative</source>
        <translation>لا يكون الطول المتوقع سالبًا</translation>
    </message>
    <message>
        <source>a deadline needs its time zone</source>
        <translation>يحتاج الموعد إلى منطقته الزمنية</translation>
    </message>
    <message>
        <source>the story budget is planned on the newsroom server: connect to it to add assignments</source>
        <translation>تُخطَّط القصص على خادم غرفة الأخبار: اتصل به لإضافة قصة</translation>
    </message>
    <message>
        <source>an assignment has no field {name}</source>
        <translation>لا حقل {name} في القصة</translation>
    </message>
    <message>
        <source>there is no assignment {name}</source>
        <translation>لا قصة {name} في الخطة</translation>
    </message>
    <message>
        <source>only an editor may change the story budget; nothing was changed</source>
        <translation>لا يغيّر خطة القصص إلا محرر؛ لم يتغيّر شيء</translation>
    </message>
    <message>
        <source>there is no stage {name}</source>
        <translation>لا مرحلة {name}</translation>
    </message>
    <message>
        <source>a writer</source>
        <translation>الكاتب</translation>
    </message>
    <message>
        <source>an editor</source>
        <translation>المحرر</translation>
    </message>
    <message>
        <source>a chief editor</source>
        <translation>رئيس التحرير</translation>
    </message>
    <message>
        <source>an admin</source>
        <translation>المدير</translation>
    </message>
    <message>
        <source>only {role} may send an article to the stage «{stage}»; the server refused, nothing was changed</source>
        <translation>لا يرسل مقالًا إلى مرحلة «{stage}» إلا {role}؛ رفض الخادم ولم يتغير شيء</translation>
    </message>
    <message>
        <source>only {role} may move an article out of the stage «{stage}»; the server refused, nothing was changed</source>
        <translation>لا يُخرج مقالًا من مرحلة «{stage}» إلا {role}؛ رفض الخادم ولم يتغير شيء</translation>
    </message>
    <message>
        <source>{name} is not a person of this newsroom</source>
        <translation>{name} ليس من أفراد غرفة الأخبار هذه</translation>
    </message>
    <message>
        <source>there is no article with id {name}</source>
        <translation>لا مقال برقم {name}</translation>
    </message>
    <message>
        <source>events of the kind {name} are written by the server only</source>
        <translation>أحداث النوع {name} يكتبها الخادم وحده</translation>
    </message>
    <message>
        <source>only a person of the newsroom may send articles</source>
        <translation>لا يرسل المقالات إلا أفراد غرفة الأخبار</translation>
    </message>
    <message>
        <source>name the person by their login</source>
        <translation>سمِّ الشخص باسم دخوله</translation>
    </message>
    <message>
        <source>a desk needs a name</source>
        <translation>يحتاج المكتب إلى اسم</translation>
    </message>
    <message>
        <source>a stage needs a name</source>
        <translation>تحتاج المرحلة إلى اسم</translation>
    </message>
    <message>
        <source>there is already a desk named {name}</source>
        <translation>يوجد مكتب باسم {name}</translation>
    </message>
    <message>
        <source>the desk {desk} already has a stage {name}</source>
        <translation>في مكتب {desk} مرحلة باسم {name}</translation>
    </message>
    <message>
        <source>there is no stage {path}: name it as DESK/STAGE (midad desks list shows them)</source>
        <translation>لا مرحلة {path}: اكتبها «المكتب/المرحلة» (يعرضها midad desks list)</translation>
    </message>
    <message>
        <source>desks and stages are managed on the newsroom server: connect to it to change them</source>
        <translation>تُدار المكاتب والمراحل على خادم غرفة الأخبار: اتصل به لتغييرها</translation>
    </message>
    <message>
        <source>there is no desk {name}</source>
        <translation>لا مكتب {name}</translation>
    </message>
    <message>
        <source>a desk or stage name cannot hold «/» (it separates DESK/STAGE): {name}</source>
        <translation>لا يحوي اسم المكتب أو المرحلة «/» (فهي تفصل المكتب عن المرحلة): {name}</translation>
    </message>
    <message>
        <source>unknown status {status}</source>
        <translation>حالة غير معروفة: {status}</translation>
    </message>
    <message>
        <source>cannot read the deadline {value}: write it as 2026-12-02 18:00</source>
        <translation>تعذّرت قراءة الموعد {value}: اكتبه هكذا 2026-12-02 18:00</translation>
    </message>
    <message>
        <source>the post was changed on {site} at {when} UTC since it was last published from here: choose to overwrite it or to take the site&apos;s version</source>
        <translation>تغيّر المقال على {site} في {when} بالتوقيت العالمي منذ نُشر آخر مرة من هنا: اختر استبداله أو أخذ نسخة الموقع</translation>
    </message>
    <message>
        <source>give the application password (or the Ghost key) for this site and account</source>
        <translation>أعطِ كلمة مرور التطبيق (أو مفتاح Ghost) لهذا الموقع وهذا الحساب</translation>
    </message>
    <message>
        <source>there is no site named “{name}” (no site yet); add it with `midad sites add` or in Site settings</source>
        <translation>لا موقع باسم «{name}» (لا مواقع بعد)؛ أضفه بالأمر ‎`midad sites add`‎ أو من إعدادات المواقع</translation>
    </message>
    <message>
        <source>there is no site named “{name}” (sites: {known}); add it with `midad sites add` or in Site settings</source>
        <translation>لا موقع باسم «{name}» (المواقع: {known})؛ أضفه بالأمر ‎`midad sites add`‎ أو من إعدادات المواقع</translation>
    </message>
    <message>
        <source>there is no site with id {id}</source>
        <translation>لا موقع بالمعرّف {id}</translation>
    </message>
    <message>
        <source>{url} answered {path} with something that is not JSON; is the address right?</source>
        <translation>أجاب {url} عن {path} بما ليس JSON؛ هل العنوان صحيح؟</translation>
    </message>
    <message>
        <source>; check the Admin API key (Ghost › Settings › Integrations)</source>
        <translation>؛ تحقّق من مفتاح Admin API (‏Ghost › الإعدادات › التكاملات)</translation>
    </message>
    <message>
        <source>; this Ghost key may not do that: use an Admin API key of a custom integration, or the token of a staff user who may publish</source>
        <translation>؛ لا يسمح مفتاح Ghost هذا بذلك: استعمل مفتاح Admin API لتكامل مخصّص، أو رمز مستخدم من الفريق يحق له النشر</translation>
    </message>
    <message>
        <source>{url} answered {path} with something that is not JSON; is this a Ghost site?</source>
        <translation>أجاب {url} عن {path} بما ليس JSON؛ هل هذا موقع Ghost؟</translation>
    </message>
    <message>
        <source>{url} answered {path} with something Ghost does not send ({problem}); nothing was changed here</source>
        <translation>ردّ {url} على {path} بما لا يرسله Ghost ({problem})؛ ولم يتغير شيء هنا</translation>
    </message>
    <message>
        <source>{url} does not offer Ghost&apos;s Admin API</source>
        <translation>لا يتيح {url} واجهة Admin API الخاصة بـGhost</translation>
    </message>
    <message>
        <source>Ghost keeps excerpts of up to {limit} characters; the excerpt was shortened on the site</source>
        <translation>يحفظ Ghost مقتطفات حتى {limit} حرفًا؛ فاختُصر المقتطف على الموقع</translation>
    </message>
    <message>
        <source>unknown kind of site “{kind}”: use one of {allowed}</source>
        <translation>نوع موقع غير معروف «{kind}»: استعمل واحدًا من {allowed}</translation>
    </message>
    <message>
        <source>that is not a Ghost Admin API key: copy it from Ghost › Settings › Integrations (24 characters, a colon, 64 characters)</source>
        <translation>هذا ليس مفتاح Admin API من Ghost: انسخه من Ghost › الإعدادات › التكاملات (24 حرفًا ثم نقطتان ثم 64 حرفًا)</translation>
    </message>
    <message>
        <source>select the words to comment on first</source>
        <translation>حدّد الكلمات التي تعلّق عليها أولًا</translation>
    </message>
    <message>
        <source>a suggested insertion needs some text</source>
        <translation>الإضافة المقترحة تحتاج إلى نص</translation>
    </message>
    <message>
        <source>select the words to suggest deleting first</source>
        <translation>حدّد الكلمات التي تقترح حذفها أولًا</translation>
    </message>
    <message>
        <source>this suggestion no longer exists</source>
        <translation>لم يعد هذا الاقتراح موجودًا</translation>
    </message>
    <message>
        <source>the words this suggestion deletes are no longer in the article; reject it instead</source>
        <translation>لم تعد الكلمات التي يحذفها هذا الاقتراح في المقال؛ ارفضه بدلًا من ذلك</translation>
    </message>
    <message>
        <source>a comment needs some words</source>
        <translation>التعليق يحتاج إلى كلمات</translation>
    </message>
    <message>
        <source>this comment no longer exists</source>
        <translation>لم يعد هذا التعليق موجودًا</translation>
    </message>
    <message>
        <source>the comment this reply answers is not on the server</source>
        <translation>التعليق الذي يجيب عنه هذا الرد ليس على الخادم</translation>
    </message>
</context>
<context>
    <name>exporters</name>
    <message>
        <source>HTML (the article&apos;s text only)</source>
        <translation>HTML (نص المقال فقط)</translation>
    </message>
    <message>
        <source>Word (.docx)</source>
        <translation>Word (.docx)</translation>
    </message>
    <message>
        <source>Markdown with the article&apos;s details</source>
        <translation>Markdown مع بيانات المقال</translation>
    </message>
    <message>
        <source>Static site (the library&apos;s articles)</source>
        <translation>موقع ثابت (مقالات المكتبة)</translation>
    </message>
    <message>
        <source>Standalone HTML page</source>
        <translation>صفحة HTML مستقلة</translation>
    </message>
</context>
<context>
    <name>library</name>
    <message>
        <source>{title} (copy)</source>
        <translation>{title} (نسخة)</translation>
    </message>
</context>
</TS>
