/*
 * xport: PHP's Internet-domain stream transports, reimplemented in C++.
 *
 * This file is the module entry only: INI settings, registering xport's transports in
 * place of the built-in ones (and putting those back at shutdown), phpinfo(), and the
 * two PHP functions. Everything else lives behind src/xport_api.h.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "php_ini.h"
#include "ext/standard/info.h"
#include "main/php_streams.h"

#include "php_xport.h"
#include "src/xport_api.h"
#include "xport_arginfo.h"

ZEND_DECLARE_MODULE_GLOBALS(xport)

/* The factories xport replaced, to put back in MSHUTDOWN. NULL where no factory existed. */
typedef struct xport_replaced {
	const char *name;
	php_stream_transport_factory previous;
	bool registered;
} xport_replaced;

static xport_replaced replaced_transports[16]; /* more than xport implements */
static size_t replaced_count;

/* clang-format off */
PHP_INI_BEGIN()
	/* Every name xport implements; a list restricts xport to some of them. */
	STD_PHP_INI_ENTRY("xport.transports", XPORT_ALL_TRANSPORTS, PHP_INI_SYSTEM, OnUpdateString, transports,
		zend_xport_globals, xport_globals)
	STD_PHP_INI_BOOLEAN("xport.strict_addresses", "0", PHP_INI_ALL, OnUpdateBool,
		strict_addresses, zend_xport_globals, xport_globals)
	STD_PHP_INI_BOOLEAN("xport.verbose_errors", "0", PHP_INI_ALL, OnUpdateBool,
		verbose_errors, zend_xport_globals, xport_globals)
PHP_INI_END()
/* clang-format on */

static PHP_GINIT_FUNCTION(xport)
{
#if defined(COMPILE_DL_XPORT) && defined(ZTS)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	memset(xport_globals, 0, sizeof(*xport_globals));
}

static bool xport_name_listed(const char *list, const char *name)
{
	size_t length = strlen(name);
	const char *cursor = list;

	while (cursor && *cursor) {
		const char *end = strchr(cursor, ',');
		size_t item_length = end ? (size_t)(end - cursor) : strlen(cursor);
		const char *item = cursor;

		while (item_length > 0 && isspace((unsigned char)*item)) {
			item++;
			item_length--;
		}
		while (item_length > 0 && isspace((unsigned char)item[item_length - 1])) {
			item_length--;
		}
		if (item_length == length && strncmp(item, name, length) == 0) {
			return true;
		}
		cursor = end ? end + 1 : NULL;
	}
	return false;
}

/* Warns about names in xport.transports that xport does not implement. */
static void xport_check_transport_list(const char *list)
{
	const char *cursor = list;

	while (cursor && *cursor) {
		const char *end = strchr(cursor, ',');
		size_t item_length = end ? (size_t)(end - cursor) : strlen(cursor);
		char item[64];
		size_t start = 0;

		while (start < item_length && isspace((unsigned char)cursor[start])) {
			start++;
		}
		while (item_length > start && isspace((unsigned char)cursor[item_length - 1])) {
			item_length--;
		}
		if (item_length > start) {
			snprintf(item, sizeof(item), "%.*s", (int)(item_length - start), cursor + start);
			if (php_xport_factory_for(item) == NULL) {
				php_error_docref(NULL, E_WARNING,
								 "xport.transports names \"%s\", which xport does not implement; "
								 "PHP's own transport stays in place",
								 item);
			}
		}
		cursor = end ? end + 1 : NULL;
	}
}

static void xport_register_transports(void)
{
	HashTable *registry = php_stream_xport_get_hash();
	const char *list = XPORT_G(transports) ? XPORT_G(transports) : "";

	xport_check_transport_list(list);
	for (size_t i = 0; i < php_xport_transport_count; i++) {
		const char *name = php_xport_transport_names[i];
		xport_replaced *entry;

		if (!xport_name_listed(list, name) ||
			replaced_count >= sizeof(replaced_transports) / sizeof(replaced_transports[0])) {
			continue;
		}
		entry = &replaced_transports[replaced_count++];
		entry->name = name;
		entry->previous = zend_hash_str_find_ptr(registry, name, strlen(name));
		entry->registered = php_stream_xport_register(name, php_xport_factory_for(name)) == SUCCESS;
	}
}

static void xport_restore_transports(void)
{
	while (replaced_count > 0) {
		xport_replaced *entry = &replaced_transports[--replaced_count];

		if (!entry->registered) {
			continue;
		}
		if (entry->previous) {
			php_stream_xport_register(entry->name, entry->previous);
		} else {
			php_stream_xport_unregister(entry->name);
		}
	}
}

static PHP_GSHUTDOWN_FUNCTION(xport)
{
	php_xport_free_session_cache(xport_globals->session_cache);
	xport_globals->session_cache = NULL;
	php_xport_free_context_cache(xport_globals->context_cache);
	xport_globals->context_cache = NULL;
}

static PHP_MINIT_FUNCTION(xport)
{
	REGISTER_INI_ENTRIES();

	/* Persistent streams and registered factories would outlive code loaded by dl(). */
	if (type == MODULE_TEMPORARY) {
		php_error_docref(
			NULL, E_WARNING,
			"xport cannot be loaded with dl(); load it from php.ini with extension=xport");
		return FAILURE;
	}

	xport_register_transports();
	return SUCCESS;
}

static PHP_MSHUTDOWN_FUNCTION(xport)
{
	xport_restore_transports();
	UNREGISTER_INI_ENTRIES();
	return SUCCESS;
}

static PHP_RSHUTDOWN_FUNCTION(xport)
{
	php_xport_clear_last_error();
	return SUCCESS;
}

static PHP_MINFO_FUNCTION(xport)
{
	char names[128] = "";

	for (size_t i = 0; i < replaced_count; i++) {
		if (replaced_transports[i].registered) {
			if (names[0]) {
				strlcat(names, ", ", sizeof(names));
			}
			strlcat(names, replaced_transports[i].name, sizeof(names));
		}
	}

	php_info_print_table_start();
	php_info_print_table_row(2, "xport support", "enabled");
	php_info_print_table_row(2, "Version", PHP_XPORT_VERSION);
	php_info_print_table_row(2, "OpenSSL library version", php_xport_openssl_version());
	php_info_print_table_row(2, "Transports served by xport", names[0] ? names : "none");
	php_info_print_table_end();

	DISPLAY_INI_ENTRIES();
}

PHP_FUNCTION(xport_stream_info)
{
	zval *zstream;
	php_stream *stream;

	/* clang-format off */
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_RESOURCE(zstream)
	ZEND_PARSE_PARAMETERS_END();
	/* clang-format on */

	php_stream_from_zval(stream, zstream);
	php_xport_stream_info(stream, return_value);
}

PHP_FUNCTION(xport_last_error)
{
	ZEND_PARSE_PARAMETERS_NONE();

	php_xport_last_error(return_value);
}

/* clang-format off */
static const zend_module_dep xport_deps[] = {
	/* Start after ext/openssl, whose MINIT registers the tcp:// factory we replace. */
	ZEND_MOD_OPTIONAL("openssl")
	ZEND_MOD_END
};

zend_module_entry xport_module_entry = {
	STANDARD_MODULE_HEADER_EX,
	NULL,
	xport_deps,
	"xport",
	ext_functions,
	PHP_MINIT(xport),
	PHP_MSHUTDOWN(xport),
	NULL,
	PHP_RSHUTDOWN(xport),
	PHP_MINFO(xport),
	PHP_XPORT_VERSION,
	PHP_MODULE_GLOBALS(xport),
	PHP_GINIT(xport),
	PHP_GSHUTDOWN(xport),
	NULL,
	STANDARD_MODULE_PROPERTIES_EX
};
/* clang-format on */

#ifdef COMPILE_DL_XPORT
#ifdef ZTS
ZEND_TSRMLS_CACHE_DEFINE()
#endif
ZEND_GET_MODULE(xport)
#endif
