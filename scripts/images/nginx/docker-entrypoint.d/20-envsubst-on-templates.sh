#!/bin/sh
# Renders /etc/nginx/templates/**/*.template into /etc/nginx/conf.d/ with
# envsubst, replacing only variables that are defined in the environment, so
# nginx's own $host, $uri... stay as they are. Same knobs as the official image:
#   NGINX_ENVSUBST_TEMPLATE_DIR     (default /etc/nginx/templates)
#   NGINX_ENVSUBST_TEMPLATE_SUFFIX  (default .template)
#   NGINX_ENVSUBST_OUTPUT_DIR       (default /etc/nginx/conf.d)
#   NGINX_ENVSUBST_FILTER           (a regular expression the names must match)
set -e

ME=$(basename "$0")

entrypoint_log() {
  if [ -z "${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then
    echo "$@"
  fi
}

render_templates() {
  template_dir=${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}
  suffix=${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}
  output_dir=${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}
  filter=${NGINX_ENVSUBST_FILTER:-}

  [ -d "$template_dir" ] || return 0
  if [ ! -w "$output_dir" ]; then
    entrypoint_log "$ME: ERROR: $template_dir exists, but $output_dir is not writable"
    return 0
  fi

  # envsubst's SHELL-FORMAT argument: "${A} ${B} ..." for every defined name.
  # awk's ENVIRON lists names even when a value spans several lines.
  defined_envs=$(awk -v filter="$filter" 'END { for (name in ENVIRON) if (name ~ filter) printf "${%s} ", name }' </dev/null)

  find "$template_dir" -follow -type f -name "*$suffix" -print | while read -r template; do
    relative_path=${template#"$template_dir/"}
    output_path=$output_dir/${relative_path%"$suffix"}
    subdir=$(dirname "$relative_path")
    mkdir -p "$output_dir/$subdir"
    entrypoint_log "$ME: Running envsubst on $template to $output_path"
    envsubst "$defined_envs" <"$template" >"$output_path"
  done
}

render_templates
