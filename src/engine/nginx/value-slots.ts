// Directives whose value nginx reads with one of its generic parsers (the
// `ngx_conf_set_*_slot` handlers of src/core/ngx_conf_file.c), found in the
// command tables of nginx's sources (nginx/nginx at
// 3f6f7824d4e2eb1ac37dec76683d525ac0ff521c): a name is kept only when every
// module that declares it uses the same slot, so a directive with its own
// parser (`keepalive_timeout` in http, `expires`) is never judged here.

export type ValueSlot = 'size' | 'off' | 'msec' | 'sec' | 'num' | 'bufs';

const SLOTS: Record<ValueSlot, readonly string[]> = {
  size: [
  'client_body_buffer_size', 'client_header_buffer_size', 'connection_pool_size', 'fastcgi_buffer_size',
  'fastcgi_busy_buffers_size', 'fastcgi_max_temp_file_size', 'fastcgi_send_lowat', 'fastcgi_socket_rcvbuf',
  'fastcgi_socket_sndbuf', 'fastcgi_temp_file_write_size', 'grpc_buffer_size', 'grpc_socket_rcvbuf',
  'grpc_socket_sndbuf', 'gzip_hash', 'gzip_min_length', 'gzip_window', 'http2_body_preread_size', 'http2_chunk_size',
  'http2_pool_size', 'http2_recv_buffer_size', 'http3_stream_buffer_size', 'image_filter_buffer',
  'imap_client_buffer', 'memcached_buffer_size', 'mp4_buffer_size', 'mp4_max_buffer_size', 'postpone_gzipping',
  'postpone_output', 'preread_buffer_size', 'proxy_buffer', 'proxy_buffer_size', 'proxy_busy_buffers_size',
  'proxy_downstream_buffer', 'proxy_max_temp_file_size', 'proxy_send_lowat', 'proxy_socket_rcvbuf',
  'proxy_socket_sndbuf', 'proxy_temp_file_write_size', 'proxy_upstream_buffer', 'read_ahead', 'request_pool_size',
  'scgi_buffer_size', 'scgi_busy_buffers_size', 'scgi_max_temp_file_size', 'scgi_socket_rcvbuf',
  'scgi_socket_sndbuf', 'scgi_temp_file_write_size', 'send_lowat', 'sendfile_max_chunk', 'slice',
  'smtp_client_buffer', 'ssi_min_file_chunk', 'ssi_value_length', 'ssl_buffer_size', 'subrequest_output_buffer_size',
  'tunnel_buffer_size', 'tunnel_send_lowat', 'tunnel_socket_rcvbuf', 'tunnel_socket_sndbuf', 'uwsgi_buffer_size',
  'uwsgi_busy_buffers_size', 'uwsgi_max_temp_file_size', 'uwsgi_socket_rcvbuf', 'uwsgi_socket_sndbuf',
  'uwsgi_temp_file_write_size',
  ],
  off: [
  'client_max_body_size', 'directio_alignment', 'fastcgi_cache_max_range_offset', 'proxy_cache_max_range_offset',
  'scgi_cache_max_range_offset', 'uwsgi_cache_max_range_offset', 'worker_rlimit_core',
  ],
  msec: [
  'accept_mutex_delay', 'auth_delay', 'auth_http_timeout', 'client_body_timeout', 'client_header_timeout',
  'fastcgi_cache_lock_age', 'fastcgi_cache_lock_timeout', 'fastcgi_connect_timeout', 'fastcgi_next_upstream_timeout',
  'fastcgi_read_timeout', 'fastcgi_send_timeout', 'grpc_connect_timeout', 'grpc_next_upstream_timeout',
  'grpc_read_timeout', 'grpc_send_timeout', 'keepalive_min_timeout', 'keepalive_time', 'lingering_time',
  'lingering_timeout', 'memcached_connect_timeout', 'memcached_next_upstream_timeout', 'memcached_read_timeout',
  'memcached_send_timeout', 'preread_timeout', 'proxy_cache_lock_age', 'proxy_cache_lock_timeout',
  'proxy_connect_timeout', 'proxy_next_upstream_timeout', 'proxy_protocol_timeout', 'proxy_read_timeout',
  'proxy_send_timeout', 'proxy_timeout', 'resolver_timeout', 'scgi_cache_lock_age', 'scgi_cache_lock_timeout',
  'scgi_connect_timeout', 'scgi_next_upstream_timeout', 'scgi_read_timeout', 'scgi_send_timeout', 'send_timeout',
  'smtp_greeting_delay', 'ssl_handshake_timeout', 'timeout', 'timer_resolution', 'tunnel_connect_timeout',
  'tunnel_next_upstream_timeout', 'tunnel_read_timeout', 'tunnel_send_timeout', 'uwsgi_cache_lock_age',
  'uwsgi_cache_lock_timeout', 'uwsgi_connect_timeout', 'uwsgi_next_upstream_timeout', 'uwsgi_read_timeout',
  'uwsgi_send_timeout', 'worker_shutdown_timeout',
  ],
  sec: [
  'open_file_cache_valid', 'ssl_session_timeout',
  ],
  num: [
  'devpoll_changes', 'devpoll_events', 'epoll_events', 'eventport_events', 'fastcgi_cache_min_uses',
  'fastcgi_next_upstream_tries', 'grpc_next_upstream_tries', 'grpc_ssl_verify_depth', 'gzip_comp_level',
  'http2_max_concurrent_streams', 'http2_streams_index_size', 'http3_max_concurrent_streams', 'iocp_threads',
  'keepalive_requests', 'kqueue_changes', 'kqueue_events', 'map_hash_bucket_size', 'map_hash_max_size', 'max_errors',
  'max_headers', 'max_ranges', 'memcached_gzip_flag', 'memcached_next_upstream_tries', 'min_delete_depth',
  'open_file_cache_min_uses', 'post_acceptex', 'proxy_cache_min_uses', 'proxy_headers_hash_bucket_size',
  'proxy_headers_hash_max_size', 'proxy_next_upstream_tries', 'proxy_requests', 'proxy_responses',
  'proxy_ssl_verify_depth', 'quic_active_connection_id_limit', 'referer_hash_bucket_size', 'referer_hash_max_size',
  'scgi_cache_min_uses', 'scgi_next_upstream_tries', 'server_names_hash_bucket_size', 'server_names_hash_max_size',
  'ssl_verify_depth', 'tunnel_next_upstream_tries', 'types_hash_bucket_size', 'types_hash_max_size',
  'userid_service', 'uwsgi_cache_min_uses', 'uwsgi_modifier1', 'uwsgi_modifier2', 'uwsgi_next_upstream_tries',
  'uwsgi_ssl_verify_depth', 'variables_hash_bucket_size', 'variables_hash_max_size', 'worker_aio_requests',
  'worker_rlimit_nofile',
  ],
  bufs: [
  'fastcgi_buffers', 'gunzip_buffers', 'gzip_buffers', 'large_client_header_buffers', 'output_buffers',
  'proxy_buffers', 'scgi_buffers', 'uwsgi_buffers',
  ],
};

let bySlot: Map<string, ValueSlot> | undefined;

export function valueSlot(directive: string): ValueSlot | undefined {
  if (!bySlot) {
    bySlot = new Map();
    for (const [slot, names] of Object.entries(SLOTS) as [ValueSlot, readonly string[]][]) for (const name of names) bySlot.set(name, slot);
  }
  return bySlot.get(directive);
}
