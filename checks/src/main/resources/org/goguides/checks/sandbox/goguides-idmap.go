// goguides-idmap makes the id-mapped views of the system folders that a sandbox's root layer is laid over,
// then becomes the next program of the sandbox's start-up. The runner builds it from this file with the host's
// Go into its own cache (see IdmapHelper.java) and runs it as the host's root, in a private mount namespace,
// before dropping to the sandbox user:
//
//	goguides-idmap UID SOURCE TARGET [SOURCE TARGET ...] -- PROGRAM [ARG ...]
//
// Each SOURCE (/usr, /etc, ...) is cloned (that mount only, not the ones below it) and attached read-only at
// TARGET with its ids mapped: what the host's root (uid and gid 0) owns shows as owned by UID, every other id
// as unmapped. An overlay that the sandbox user mounts in its own user namespace, where it is root, can then
// write through to folders the host's root owns, although the sandbox user is never the host's root.
// Only the standard library: open_tree, mount_setattr and move_mount (Linux 5.12) by number.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"unsafe"
)

const (
	sysOpenTree     = 428 // the same number on every architecture since Linux 5.2
	sysMoveMount    = 429
	sysMountSetattr = 442

	atEmptyPath     = 0x1000
	openTreeClone   = 0x1
	openTreeCloexec = 0x80000
	moveMountFEmpty = 0x4
	mountAttrRdonly = 0x1
	mountAttrIdmap  = 0x100000
)

// atFdcwd is AT_FDCWD, a variable so that it converts to a (wrapped) uintptr
var atFdcwd = -100

type mountAttr struct {
	attrSet, attrClr, propagation, usernsFd uint64
}

func fail(format string, a ...any) {
	fmt.Fprintf(os.Stderr, "goguides-idmap: "+format+"\n", a...)
	os.Exit(125)
}

func main() {
	if len(os.Args) == 2 && os.Args[1] == "hold" {
		// the short-lived holder of the mapping's user namespace: ends when the parent closes the pipe
		var b [1]byte
		os.Stdin.Read(b[:])
		os.Exit(0)
	}
	if len(os.Args) < 5 {
		fail("usage: goguides-idmap UID SOURCE TARGET [SOURCE TARGET ...] -- PROGRAM [ARG ...]")
	}
	uid, err := strconv.Atoi(os.Args[1])
	if err != nil || uid <= 0 {
		fail("%q is not a host user id other than 0", os.Args[1])
	}
	rest := os.Args[2:]
	var pairs [][2]string
	for len(rest) > 0 && rest[0] != "--" {
		if len(rest) < 2 || rest[0] == "" || rest[0][0] != '/' || rest[1] == "" || rest[1][0] != '/' {
			fail("sources and targets are absolute paths, in pairs")
		}
		pairs = append(pairs, [2]string{rest[0], rest[1]})
		rest = rest[2:]
	}
	if len(rest) < 2 || rest[1] == "" || rest[1][0] != '/' {
		fail("no program (an absolute path) after --")
	}
	prog := rest[1:]
	ns, err := userns(uid)
	if err != nil {
		fail("cannot make the user namespace of the id mapping: %v", err)
	}
	for _, p := range pairs {
		if err := idmap(p[0], p[1], ns); err != nil {
			fail("cannot show %s id-mapped at %s: %v", p[0], p[1], err)
		}
	}
	syscall.Close(ns)
	err = syscall.Exec(prog[0], prog, os.Environ())
	fail("cannot start %s: %v", prog[0], err)
}

// userns returns a descriptor of a new user namespace in which uid and gid 0 are the host's uid (and gid) UID.
func userns(uid int) (int, error) {
	self, err := os.Executable()
	if err != nil {
		return -1, err
	}
	r, w, err := os.Pipe()
	if err != nil {
		return -1, err
	}
	defer w.Close()
	cmd := exec.Command(self, "hold")
	cmd.Stdin = r
	cmd.Env = []string{}
	cmd.SysProcAttr = &syscall.SysProcAttr{
		Cloneflags:  syscall.CLONE_NEWUSER,
		UidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: uid, Size: 1}},
		GidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: uid, Size: 1}},
		Pdeathsig:   syscall.SIGKILL,
	}
	err = cmd.Start()
	r.Close()
	if err != nil {
		return -1, err
	}
	fd, err := syscall.Open(fmt.Sprintf("/proc/%d/ns/user", cmd.Process.Pid), syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	w.Close()
	cmd.Wait()
	return fd, err
}

// idmap attaches a read-only, id-mapped clone of the mount at source on target.
func idmap(source, target string, ns int) error {
	src, err := syscall.BytePtrFromString(source)
	if err != nil {
		return err
	}
	dst, err := syscall.BytePtrFromString(target)
	if err != nil {
		return err
	}
	empty, _ := syscall.BytePtrFromString("")
	fd, _, e := syscall.Syscall(sysOpenTree, uintptr(atFdcwd), uintptr(unsafe.Pointer(src)), openTreeClone|openTreeCloexec)
	if e != 0 {
		return fmt.Errorf("open_tree: %v", e)
	}
	defer syscall.Close(int(fd))
	attr := mountAttr{attrSet: mountAttrIdmap | mountAttrRdonly, usernsFd: uint64(ns)}
	if _, _, e := syscall.Syscall6(sysMountSetattr, fd, uintptr(unsafe.Pointer(empty)), atEmptyPath,
		uintptr(unsafe.Pointer(&attr)), unsafe.Sizeof(attr), 0); e != 0 {
		return fmt.Errorf("mount_setattr: %v", e)
	}
	if _, _, e := syscall.Syscall6(sysMoveMount, fd, uintptr(unsafe.Pointer(empty)), uintptr(atFdcwd),
		uintptr(unsafe.Pointer(dst)), moveMountFEmpty, 0); e != 0 {
		return fmt.Errorf("move_mount: %v", e)
	}
	return nil
}
