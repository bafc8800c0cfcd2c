package main

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"debug/buildinfo"
	"debug/elf"
	"debug/macho"
	"debug/pe"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
)

// checkDist checks a dist/ folder as a user would meet it: the checksums match, each
// target's archive holds the README and a binary for that OS and architecture (read from its
// headers, not its name) stamped with the release's version and commit, the bundle holds a
// universal macOS binary and a Windows one under a manifest of the same version, and
// server.json fits the registry's schema and names the bundle by its hash. The binary for
// this machine is also run: its --version must say the release's version.
func checkDist(dir string) error {
	sums, v, err := readChecksums(dir)
	if err != nil {
		return err
	}
	var problems []string
	fail := func(format string, a ...any) { problems = append(problems, fmt.Sprintf(format, a...)) }
	for name, want := range sums {
		if got, err := fileSHA256(filepath.Join(dir, name)); err != nil {
			fail("%s: %v", name, err)
		} else if got != want {
			fail("%s: sha256 %s, the checksums file says %s", name, got, want)
		}
	}
	for _, t := range targets {
		name := archiveName(v, t)
		if _, ok := sums[name]; !ok {
			fail("%s is missing from the checksums", name)
			continue
		}
		files, modes, err := readArchive(filepath.Join(dir, name))
		if err != nil {
			fail("%s: %v", name, err)
			continue
		}
		base := archiveBase(v, t)
		if _, ok := files[base+"/README.md"]; !ok {
			fail("%s: no %s/README.md", name, base)
		}
		bin, ok := files[base+"/"+t.exe()]
		if !ok {
			fail("%s: no %s/%s", name, base, t.exe())
			continue
		}
		if t.goos != "windows" && modes[base+"/"+t.exe()]&0o111 == 0 {
			fail("%s: the binary is not executable", name)
		}
		if err := checkBinary(bin, t, v); err != nil {
			fail("%s: %v", name, err)
		}
		if t.goos == runtime.GOOS && t.goarch == runtime.GOARCH {
			if err := runVersion(bin, v); err != nil {
				fail("%s: %v", name, err)
			}
		}
		fmt.Printf("release: ok %s (%s, %.1f MiB; binary %.1f MiB)\n", name, t, mib(fileSize(filepath.Join(dir, name))), mib(int64(len(bin))))
	}
	bundle := bundleName(v)
	if _, ok := sums[bundle]; !ok {
		fail("%s is missing from the checksums", bundle)
	} else if err := checkBundle(filepath.Join(dir, bundle), v); err != nil {
		fail("%s: %v", bundle, err)
	} else {
		fmt.Printf("release: ok %s (%.1f MiB)\n", bundle, mib(fileSize(filepath.Join(dir, bundle))))
	}
	if err := checkServerJSON(dir, v, bundle, sums[bundle]); err != nil {
		fail("server.json: %v", err)
	} else {
		fmt.Println("release: ok server.json (valid against the registry's 2025-12-11 schema)")
	}
	if len(problems) > 0 {
		slices.Sort(problems)
		return errors.New("the release files are not right:\n  " + strings.Join(problems, "\n  "))
	}
	return nil
}

// readChecksums reads the one checksums file in dir and, from its name, the version.
func readChecksums(dir string) (map[string]string, version, error) {
	matches, err := filepath.Glob(filepath.Join(dir, "buffer-mcp_*_checksums.txt"))
	if err != nil || len(matches) != 1 {
		return nil, version{}, fmt.Errorf("want one buffer-mcp_VERSION_checksums.txt in %s, found %d", dir, len(matches))
	}
	semver := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(matches[0]), "buffer-mcp_"), "_checksums.txt")
	f, err := os.Open(matches[0])
	if err != nil {
		return nil, version{}, err
	}
	defer f.Close()
	sums := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok || len(sum) != 64 {
			return nil, version{}, fmt.Errorf("%s: malformed line %q", matches[0], sc.Text())
		}
		sums[name] = sum
	}
	return sums, version{tag: "v" + semver, semver: semver}, sc.Err()
}

// readArchive returns every file of a .tar.gz or .zip, with its mode.
func readArchive(path string) (map[string][]byte, map[string]os.FileMode, error) {
	files, modes := map[string][]byte{}, map[string]os.FileMode{}
	if strings.HasSuffix(path, ".zip") {
		zr, err := zip.OpenReader(path)
		if err != nil {
			return nil, nil, err
		}
		defer zr.Close()
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				return nil, nil, err
			}
			data, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				return nil, nil, err
			}
			files[f.Name], modes[f.Name] = data, f.Mode()
		}
		return files, modes, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, nil, err
	}
	tr := tar.NewReader(gz)
	for {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return files, modes, nil
		}
		if err != nil {
			return nil, nil, err
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			return nil, nil, err
		}
		files[hdr.Name], modes[hdr.Name] = data, os.FileMode(hdr.Mode)
	}
}

// checkBinary reads the executable's own headers: its format, architecture and (on Linux)
// that it is static; and the build information the go command recorded: the target, cgo off,
// and the version and commit stamped.
func checkBinary(data []byte, t target, v version) error {
	r := bytes.NewReader(data)
	switch t.goos {
	case "linux":
		f, err := elf.NewFile(r)
		if err != nil {
			return fmt.Errorf("not an ELF binary: %w", err)
		}
		want := map[string]elf.Machine{"amd64": elf.EM_X86_64, "arm64": elf.EM_AARCH64}[t.goarch]
		if f.Machine != want {
			return fmt.Errorf("an ELF binary for %s, want %s", f.Machine, want)
		}
		for _, p := range f.Progs {
			if p.Type == elf.PT_INTERP || p.Type == elf.PT_DYNAMIC {
				return errors.New("the binary is not static")
			}
		}
	case "darwin":
		f, err := macho.NewFile(r)
		if err != nil {
			return fmt.Errorf("not a Mach-O binary: %w", err)
		}
		want := map[string]macho.Cpu{"amd64": macho.CpuAmd64, "arm64": macho.CpuArm64}[t.goarch]
		if f.Cpu != want || f.Type != macho.TypeExec {
			return fmt.Errorf("a Mach-O %s for %s, want an executable for %s", f.Type, f.Cpu, want)
		}
	case "windows":
		f, err := pe.NewFile(r)
		if err != nil {
			return fmt.Errorf("not a PE binary: %w", err)
		}
		want := map[string]uint16{"amd64": pe.IMAGE_FILE_MACHINE_AMD64, "arm64": pe.IMAGE_FILE_MACHINE_ARM64}[t.goarch]
		if f.Machine != want {
			return fmt.Errorf("a PE binary for machine %#x, want %#x", f.Machine, want)
		}
	}
	bi, err := buildinfo.Read(r)
	if err != nil {
		return fmt.Errorf("no Go build information: %w", err)
	}
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	for k, want := range map[string]string{"GOOS": t.goos, "GOARCH": t.goarch, "CGO_ENABLED": "0"} {
		if settings[k] != want {
			return fmt.Errorf("built with %s=%s, want %s", k, settings[k], want)
		}
	}
	// -trimpath keeps -ldflags out of the build information, so look for the stamped
	// strings themselves (-X stores them as they are).
	if !bytes.Contains(data, []byte(v.tag)) {
		return fmt.Errorf("the version %s is not stamped in the binary", v.tag)
	}
	if !commitPattern.Match(data) {
		return errors.New("no commit is stamped in the binary")
	}
	return nil
}

// commitPattern is a stamped commit: 40 hexadecimal digits, not part of a longer run.
var commitPattern = regexp.MustCompile(`[^0-9a-f][0-9a-f]{40}[^0-9a-f]`)

// runVersion runs the binary for this machine and reads its --version.
func runVersion(data []byte, v version) error {
	dir, err := os.MkdirTemp("", "buffer-mcp-release-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	exe := filepath.Join(dir, "buffer-mcp"+map[bool]string{true: ".exe"}[runtime.GOOS == "windows"])
	if err := os.WriteFile(exe, data, 0o755); err != nil {
		return err
	}
	out, err := exec.Command(exe, "--version").Output()
	if err != nil {
		return fmt.Errorf("--version: %w", err)
	}
	lines := strings.Split(string(out), "\n")
	if len(lines) < 3 || lines[0] != "buffer-mcp "+v.tag || !strings.HasPrefix(lines[1], "commit ") || strings.Contains(lines[1], "unknown") {
		return fmt.Errorf("--version printed %q", out)
	}
	return nil
}

// checkBundle reads the .mcpb as Claude Desktop would: a zip with the manifest of this
// version at its root, a universal macOS binary and a Windows amd64 one, both executable.
func checkBundle(path string, v version) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return err
	}
	defer zr.Close()
	got := map[string]*zip.File{}
	for _, f := range zr.File {
		got[f.Name] = f
	}
	read := func(name string) ([]byte, error) {
		f, ok := got[name]
		if !ok {
			return nil, fmt.Errorf("no %s", name)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		return io.ReadAll(rc)
	}
	raw, err := read("manifest.json")
	if err != nil {
		return err
	}
	var m struct {
		ManifestVersion string `json:"manifest_version"`
		Version         string `json:"version"`
		Server          struct {
			Type       string `json:"type"`
			EntryPoint string `json:"entry_point"`
		} `json:"server"`
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		return fmt.Errorf("manifest.json: %w", err)
	}
	if m.Version != v.semver || m.Server.Type != "binary" || m.Server.EntryPoint != "server/buffer-mcp" {
		return fmt.Errorf("manifest.json: version %q, server %s %q", m.Version, m.Server.Type, m.Server.EntryPoint)
	}
	mac, err := read("server/buffer-mcp")
	if err != nil {
		return err
	}
	fat, err := macho.NewFatFile(bytes.NewReader(mac))
	if err != nil {
		return fmt.Errorf("server/buffer-mcp is not a universal Mach-O binary: %w", err)
	}
	var cpus []macho.Cpu
	for _, a := range fat.Arches {
		cpus = append(cpus, a.Cpu)
		if a.Type != macho.TypeExec {
			return fmt.Errorf("server/buffer-mcp: the %s slice is a %s", a.Cpu, a.Type)
		}
	}
	if !slices.Equal(cpus, []macho.Cpu{macho.CpuAmd64, macho.CpuArm64}) {
		return fmt.Errorf("server/buffer-mcp holds %v, want amd64 and arm64", cpus)
	}
	if got["server/buffer-mcp"].Mode()&0o111 == 0 {
		return errors.New("server/buffer-mcp is not executable")
	}
	win, err := read("server/buffer-mcp.exe")
	if err != nil {
		return err
	}
	return checkBinary(win, target{"windows", "amd64"}, v)
}

// checkServerJSON checks dist/server.json against the registry's schema, and that it names
// this version's bundle with its hash.
func checkServerJSON(dir string, v version, bundle, bundleSum string) error {
	data, err := os.ReadFile(filepath.Join(dir, "server.json"))
	if err != nil {
		return err
	}
	if err := validateServerJSON(data); err != nil {
		return err
	}
	var s struct {
		Version  string `json:"version"`
		Packages []struct {
			Identifier string `json:"identifier"`
			FileSHA256 string `json:"fileSha256"`
		} `json:"packages"`
	}
	if err := json.Unmarshal(data, &s); err != nil {
		return err
	}
	if s.Version != v.semver || len(s.Packages) != 1 || s.Packages[0].Identifier != releaseURL+v.tag+"/"+bundle ||
		s.Packages[0].FileSHA256 != bundleSum {
		return fmt.Errorf("version %q, packages %+v: want version %s and the bundle %s with sha256 %s", s.Version, s.Packages, v.semver, bundle, bundleSum)
	}
	return nil
}

func fileSize(path string) int64 {
	info, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return info.Size()
}

func mib(n int64) float64 { return float64(n) / (1 << 20) }
