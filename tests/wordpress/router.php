<?php
// Router for `php -S`: serves Debian's WordPress from /usr/share/wordpress with this
// test site's own configuration (wp-config.php beside this file), without touching /etc.
$root = getenv('MIDAD_WP_ROOT');
define('ABSPATH', $root . '/');
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
$file = realpath($root . $path);
if ($file !== false && is_file($file) && substr($file, -4) !== '.php') {
    return false;  // uploads and static files, served as they are
}
if ($file !== false && is_dir($file) && is_file($file . '/index.php')) {
    $file = $file . '/index.php';
}
if ($file === false || !is_file($file)) {
    $file = $root . '/index.php';  // pretty permalinks: /wp-json/... and friends
}
$_SERVER['SCRIPT_FILENAME'] = $file;
$_SERVER['SCRIPT_NAME'] = substr($file, strlen($root));
$_SERVER['PHP_SELF'] = $_SERVER['SCRIPT_NAME'];
chdir(dirname($file));
require $file;
