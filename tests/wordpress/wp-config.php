<?php
// The test site's configuration; the server module copies this beside the symlinked WordPress.
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:' . getenv('MIDAD_WP_SOCKET'));
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_HOME', getenv('MIDAD_WP_URL'));
define('WP_SITEURL', getenv('MIDAD_WP_URL'));
define('WP_CONTENT_DIR', getenv('MIDAD_WP_ROOT') . '/wp-content');
define('WP_CONTENT_URL', getenv('MIDAD_WP_URL') . '/wp-content');
// Application passwords over plain http need a local environment (otherwise a silent 401).
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_AUTO_UPDATE_CORE', false);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'] as $key) {
    define($key, 'midad-test-site-only-' . $key);
}
$table_prefix = 'wp_';
require_once ABSPATH . 'wp-settings.php';
