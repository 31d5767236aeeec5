package org.udjat.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Settings;

/**
 * Which filesystems the storage checks ({@code disk}, {@code inodes}) look at. With {@code mounts}
 * given, exactly those mount points; otherwise every filesystem whose type is known and not a
 * pseudo filesystem, except macOS's helper volumes under /System/Volumes. Then anything in
 * {@code exclude_mounts} or {@code exclude_types} is dropped. An entry ending in {@code *} matches
 * by prefix ({@code /snap/*}, {@code fuse.*}).
 *
 * @param mounts        mount points to include; empty for all real filesystems
 * @param excludeMounts mount points to leave out
 * @param excludeTypes  filesystem types to leave out, besides the pseudo types
 */
record FilesystemSelection(List<String> mounts, List<String> excludeMounts, List<String> excludeTypes) {
    static final String MOUNTS = "mounts";
    static final String EXCLUDE_MOUNTS = "exclude_mounts";
    static final String EXCLUDE_TYPES = "exclude_types";

    /**
     * Filesystems that hold no user data, or are always full by design (squashfs, iso9660,
     * cd9660, udf), and are left out unless listed in {@code mounts}. Linux, FreeBSD (devfs,
     * fdescfs, linprocfs, mqueuefs...), OpenBSD (mfs, kernfs) and macOS (devfs, autofs for
     * {@code map auto_home}, fdesc on older releases) names together: a type exists on one
     * platform only, so one list serves all.
     */
    static final List<String> PSEUDO_TYPES = List.of("autofs", "binfmt_misc", "bpf", "cd9660", "cgroup", "cgroup2",
            "configfs", "debugfs", "devfs", "devpts", "devtmpfs", "efivarfs", "fdesc", "fdescfs", "fuse.gvfsd-fuse",
            "fuse.lxcfs", "fuse.portal", "fuse.snapfuse", "fusectl", "hugetlbfs", "iso9660", "kernfs", "linprocfs",
            "linsysfs", "mfs", "mqueue", "mqueuefs", "nsfs", "nullfs", "overlay", "proc", "procfs", "pstore", "ramfs",
            "rootfs", "rpc_pipefs", "securityfs", "selinuxfs", "squashfs", "sysfs", "tmpfs", "tracefs", "udf");

    /**
     * macOS mounts its helper APFS volumes (VM, Preboot, Update, xarts, iSCPreboot, Hardware)
     * under this path. They share their container's free space with / and the Data volume, so
     * a full container already shows on those two; checking the helpers too would only repeat
     * the same alert up to eight times.
     */
    static final String MACOS_SYSTEM_VOLUMES = "/System/Volumes/";
    /** The macOS volume that holds the users' data; it and what is mounted under it are kept. */
    static final String MACOS_DATA_VOLUME = "/System/Volumes/Data";

    FilesystemSelection {
        mounts = List.copyOf(mounts);
        excludeMounts = List.copyOf(excludeMounts);
        excludeTypes = List.copyOf(excludeTypes);
    }

    /** The selection the options ask for; call {@link #validate} first. */
    static FilesystemSelection read(Settings options) {
        return new FilesystemSelection(options.strings(MOUNTS), options.strings(EXCLUDE_MOUNTS),
                options.strings(EXCLUDE_TYPES));
    }

    /** Every problem with {@code mounts}, {@code exclude_mounts} and {@code exclude_types}; never throws. */
    static List<ConfigProblem> validate(Settings options) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (String key : List.of(MOUNTS, EXCLUDE_MOUNTS)) {
            for (String m : options.strings(key)) {
                if (!m.startsWith("/")) {
                    problems.add(new ConfigProblem(key, "expected absolute mount points like \"/var\", got \"" + m + "\""));
                }
            }
        }
        for (String t : options.strings(EXCLUDE_TYPES)) {
            if (t.isBlank() || t.chars().anyMatch(Character::isWhitespace)) {
                problems.add(new ConfigProblem(EXCLUDE_TYPES, "expected filesystem types like \"nfs\", got \"" + t + "\""));
            }
        }
        return problems;
    }

    /** True when the disk check should look at this filesystem. */
    boolean includes(Filesystem fs) {
        return includes(fs.mount(), fs.type());
    }

    /**
     * True when a check should look at the filesystem on this mount point. An empty type means
     * it is unknown (the mount table did not list the mount point); such a filesystem is only
     * checked when {@code mounts} names it, since it could be anything, devfs included.
     */
    boolean includes(String mount, String type) {
        boolean chosen = mounts.isEmpty()
                ? !type.isEmpty() && !PSEUDO_TYPES.contains(type) && !isMacosHelperVolume(mount)
                : matchesAny(mounts, mount);
        return chosen && !matchesAny(excludeMounts, mount) && !matchesAny(excludeTypes, type);
    }

    /** The entries of {@code mounts} without a wildcard, which must each be present. */
    List<String> requiredMounts() {
        return mounts.stream().filter(m -> !m.endsWith("*")).toList();
    }

    /**
     * The rows of df output to check: those this selection includes, one per mount point (where
     * a path is listed more than once, as with bind mounts or rootfs, the last is the one in
     * use), the required mount points df does not list, and the mount points left out only
     * because their type is unknown.
     */
    <T> Selected<T> select(List<T> rows, Function<T, String> mountOf, Function<T, String> typeOf) {
        Map<String, T> chosen = new LinkedHashMap<>();
        List<String> untyped = new ArrayList<>();
        for (T row : rows) {
            String mount = mountOf.apply(row);
            if (includes(mount, typeOf.apply(row))) {
                chosen.remove(mount);
                chosen.put(mount, row);
            } else if (typeOf.apply(row).isEmpty() && !untyped.contains(mount)) {
                untyped.add(mount);
            }
        }
        untyped.removeAll(chosen.keySet());
        List<String> missing = requiredMounts().stream().filter(m -> !chosen.containsKey(m)).toList();
        return new Selected<>(List.copyOf(chosen.values()), missing, untyped);
    }

    /**
     * What {@link #select} chose.
     *
     * @param rows     the rows to check, in df's order
     * @param missing  mount points listed in {@code mounts} that df does not show
     * @param untyped  mount points left out because the mount table did not give their type
     */
    record Selected<T>(List<T> rows, List<String> missing, List<String> untyped) {
        Selected {
            rows = List.copyOf(rows);
            missing = List.copyOf(missing);
            untyped = List.copyOf(untyped);
        }
    }

    static boolean isMacosHelperVolume(String mount) {
        return mount.startsWith(MACOS_SYSTEM_VOLUMES) && !mount.equals(MACOS_DATA_VOLUME)
                && !mount.startsWith(MACOS_DATA_VOLUME + "/");
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
