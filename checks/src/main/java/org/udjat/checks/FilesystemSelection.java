package org.udjat.checks;

import java.util.List;

/**
 * Which filesystems the disk check looks at. With {@code mounts} given, exactly those mount
 * points; otherwise every filesystem whose type is not a pseudo filesystem. Then anything in
 * {@code exclude_mounts} or {@code exclude_types} is dropped. An entry ending in {@code *}
 * matches by prefix ({@code /snap/*}, {@code fuse.*}).
 *
 * @param mounts        mount points to include; empty for all real filesystems
 * @param excludeMounts mount points to leave out
 * @param excludeTypes  filesystem types to leave out, besides the pseudo types
 */
record FilesystemSelection(List<String> mounts, List<String> excludeMounts, List<String> excludeTypes) {
    /**
     * Filesystems that hold no user data, or are always full by design (squashfs, iso9660),
     * and are left out unless listed in {@code mounts}.
     */
    static final List<String> PSEUDO_TYPES = List.of("autofs", "binfmt_misc", "bpf", "cgroup", "cgroup2", "configfs",
            "debugfs", "devfs", "devpts", "devtmpfs", "efivarfs", "fdescfs", "fuse.gvfsd-fuse", "fuse.lxcfs",
            "fuse.portal", "fuse.snapfuse", "fusectl", "hugetlbfs", "iso9660", "linprocfs", "linsysfs", "mqueue",
            "nsfs", "nullfs", "overlay", "proc", "procfs", "pstore", "ramfs", "rootfs", "rpc_pipefs", "securityfs",
            "selinuxfs", "squashfs", "sysfs", "tmpfs", "tracefs", "udf");

    FilesystemSelection {
        mounts = List.copyOf(mounts);
        excludeMounts = List.copyOf(excludeMounts);
        excludeTypes = List.copyOf(excludeTypes);
    }

    /** True when the disk check should look at this filesystem. */
    boolean includes(Filesystem fs) {
        boolean chosen = mounts.isEmpty() ? !PSEUDO_TYPES.contains(fs.type()) : matchesAny(mounts, fs.mount());
        return chosen && !matchesAny(excludeMounts, fs.mount()) && !matchesAny(excludeTypes, fs.type());
    }

    /** The entries of {@code mounts} without a wildcard, which must each be present. */
    List<String> requiredMounts() {
        return mounts.stream().filter(m -> !m.endsWith("*")).toList();
    }

    static boolean matchesAny(List<String> patterns, String value) {
        for (String p : patterns) {
            if (p.endsWith("*") ? value.startsWith(p.substring(0, p.length() - 1)) : value.equals(p)) {
                return true;
            }
        }
        return false;
    }
}
