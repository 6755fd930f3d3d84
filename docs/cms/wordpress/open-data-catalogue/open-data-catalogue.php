<?php
/**
 * Plugin Name: Open data catalogue
 * Description: The [open_data_catalogue] shortcode: shows a DCAT-AP-SE registry of datasets with the open-data-catalogue web component.
 * Version: 0.1.0
 * Requires at least: 5.0
 * License: EUPL-1.2
 *
 * Put the widget's built pkg/ folder (open-data-catalogue.js, odc_core.js,
 * odc_core_bg.wasm, odc_rdf.js, odc_rdf_bg.wasm) next to this file, as
 * wp-content/plugins/open-data-catalogue/pkg/. Then, in a Shortcode block:
 *
 *   [open_data_catalogue registry="https://example.se/registry.jsonld" lang="sv" page-size="10"]
 *
 * Every attribute of the element is accepted, written with - or _
 * (page-size or page_size, filter-publisher or filter_publisher).
 *
 * Untested against a live WordPress: a starting point, not a product.
 */

if (!defined('ABSPATH')) {
    exit;
}

const ODC_ATTRIBUTES = array(
    'registry', 'lang', 'facets', 'page-size', 'sort', 'heading-level', 'timeout', 'max-size', 'url-state',
    'filter-publisher', 'filter-theme', 'filter-format', 'filter-license', 'filter-access-rights',
);

function odc_script_url() {
    return plugins_url('pkg/open-data-catalogue.js', __FILE__);
}

// The entry module must be loaded as type="module" and must not be
// concatenated or minified by an optimisation plugin: it finds its wasm
// next to its own URL.
add_action('init', function () {
    if (function_exists('wp_register_script_module')) {
        wp_register_script_module('open-data-catalogue', odc_script_url(), array(), '0.1.0');
    } else {
        wp_register_script('open-data-catalogue', odc_script_url(), array(), '0.1.0', true);
    }
});

// Before WordPress 6.5: turn the classic script tag into a module script.
add_filter('script_loader_tag', function ($tag, $handle, $src) {
    if ($handle !== 'open-data-catalogue') {
        return $tag;
    }
    return '<script type="module" src="' . esc_url($src) . '"></script>' . "\n";
}, 10, 3);

add_shortcode('open_data_catalogue', function ($atts) {
    $html = '';
    foreach ((array) $atts as $name => $value) {
        if (is_int($name)) {
            // A bare word: [open_data_catalogue url-state] turns URL state on.
            if (str_replace('_', '-', strtolower($value)) === 'url-state') {
                $html .= ' url-state';
            }
            continue;
        }
        $name = str_replace('_', '-', strtolower($name));
        if (in_array($name, ODC_ATTRIBUTES, true)) {
            $html .= ' ' . $name . '="' . esc_attr($value) . '"';
        }
    }
    if (function_exists('wp_enqueue_script_module')) {
        wp_enqueue_script_module('open-data-catalogue');
    } else {
        wp_enqueue_script('open-data-catalogue');
    }
    return '<open-data-catalogue' . $html . '></open-data-catalogue>';
});
