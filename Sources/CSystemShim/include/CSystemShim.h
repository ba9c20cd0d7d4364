#ifndef TIMELINE_CSYSTEMSHIM_H
#define TIMELINE_CSYSTEMSHIM_H

/// Atomically swaps two paths on the same file system (Linux renameat2 RENAME_EXCHANGE,
/// macOS renamex_np RENAME_SWAP). Returns 0, or -1 with errno set; ENOSYS or EINVAL when
/// the file system cannot swap.
int timeline_exchange_paths(const char *first, const char *second);

#endif
