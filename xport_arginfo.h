/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 555d251e40d9648c2a7a125bc0af39efccb38883 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_xport_stream_info, 0, 1, MAY_BE_ARRAY|MAY_BE_FALSE)
	ZEND_ARG_INFO(0, stream)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_xport_last_error, 0, 0, IS_ARRAY, 1)
ZEND_END_ARG_INFO()


ZEND_FUNCTION(xport_stream_info);
ZEND_FUNCTION(xport_last_error);


static const zend_function_entry ext_functions[] = {
	ZEND_FE(xport_stream_info, arginfo_xport_stream_info)
	ZEND_FE(xport_last_error, arginfo_xport_last_error)
	ZEND_FE_END
};
