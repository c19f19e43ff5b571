<?php
// Installs the test site and prints an application password for the admin user.
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = parse_url(getenv('MIDAD_WP_URL'), PHP_URL_HOST);
$_SERVER['REQUEST_URI'] = '/';
define('ABSPATH', getenv('MIDAD_WP_ROOT') . '/');
require ABSPATH . 'wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install('Midad test site', 'editor', 'editor@example.test', false, '', 'editor-login-password');
update_option('permalink_structure', '/%postname%/');
update_option('timezone_string', 'Africa/Casablanca');
$user = get_user_by('login', 'editor');
list($password, $item) = WP_Application_Passwords::create_new_application_password($user->ID, ['name' => 'midad-tests']);
echo $password;
