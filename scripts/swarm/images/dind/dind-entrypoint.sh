#!/bin/sh
# Starts dockerd inside a privileged container (Docker-in-Docker). Options
# given to the container are passed to dockerd (registry, mirrors).
set -eu

# As moby's hack/dind: securityfs for AppArmor, and a tmpfs /tmp of our own.
if [ -d /sys/kernel/security ] && ! mountpoint -q /sys/kernel/security; then
  mount -t securityfs none /sys/kernel/security 2>/dev/null || true
fi
if ! mountpoint -q /tmp; then mount -t tmpfs none /tmp; fi

# cgroup v2: move this process out of the root cgroup so dockerd may enable
# the controllers for its children (cgroup v1 needs nothing).
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  mkdir -p /sys/fs/cgroup/init
  xargs -rn1 </sys/fs/cgroup/cgroup.procs >/sys/fs/cgroup/init/cgroup.procs 2>/dev/null || true
  sed -e 's/ / +/g' -e 's/^/+/' </sys/fs/cgroup/cgroup.controllers >/sys/fs/cgroup/cgroup.subtree_control 2>/dev/null || true
fi

rm -f /var/run/docker.pid /run/docker/containerd/containerd.pid
exec dockerd --host unix:///var/run/docker.sock "$@"
