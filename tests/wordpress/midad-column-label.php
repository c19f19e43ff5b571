<?php
/*
 * Plugin Name: Midad column label
 * Description: Registers the post meta Midad publishes the column label into
 *   ("افتتاحية.. بقلم: أمين نشاط"), so a theme can show it above the title.
 *   The same file ships in packaging/wordpress/ for newsroom sites.
 */
add_action('init', function () {
    register_post_meta('post', 'midad_column_label', [
        'type' => 'string', 'single' => true, 'show_in_rest' => true, 'default' => '',
        'auth_callback' => function () { return current_user_can('edit_posts'); },
    ]);
});
