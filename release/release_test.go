package main

import (
	"bytes"
	"debug/macho"
	"encoding/binary"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buffer-mcp/buffer-mcp/tools"
)

// The template fills into a server.json that the registry's published schema accepts, and
// the validation is real: what the schema forbids is refused.
func TestServerJSONFitsTheRegistrySchema(t *testing.T) {
	sum := strings.Repeat("ab", 32)
	data, err := renderServerJSON(serverJSONData{Version: "1.2.3", BundleURL: releaseURL + "v1.2.3/buffer-mcp_1.2.3.mcpb", BundleSHA256: sum})
	require.NoError(t, err)
	var s struct {
		Schema   string `json:"$schema"`
		Name     string `json:"name"`
		Packages []struct {
			RegistryType string `json:"registryType"`
			Env          []struct {
				Name     string `json:"name"`
				IsSecret bool   `json:"isSecret"`
			} `json:"environmentVariables"`
		} `json:"packages"`
	}
	require.NoError(t, json.Unmarshal(data, &s))
	assert.Equal(t, registrySchemaURL, s.Schema)
	require.Len(t, s.Packages, 1)
	assert.Equal(t, "mcpb", s.Packages[0].RegistryType)
	secret := map[string]bool{}
	for _, e := range s.Packages[0].Env {
		secret[e.Name] = e.IsSecret
	}
	assert.Equal(t, map[string]bool{"BUFFER_API_KEY": true, "BUFFER_MCP_READ_ONLY": false, "BUFFER_MCP_SANDBOX": false, "BUFFER_MCP_TOOLSETS": false}, secret)

	for name, broken := range map[string]string{
		"description over 100 characters": strings.Replace(string(data), `"description": "Schedule`, `"description": "`+strings.Repeat("x", 100), 1),
		"a bad hash":                      strings.Replace(string(data), sum, "not-a-sha", 1),
		"no name":                         strings.Replace(string(data), `"name": "io.github.buffer-mcp/buffer-mcp",`, "", 1),
		"a version range":                 strings.Replace(string(data), `"version": "1.2.3",`+"\n      \"fileSha256\"", `"version": "latest",`+"\n      \"fileSha256\"", 1),
	} {
		require.NotEqual(t, string(data), broken, name)
		assert.Error(t, validateServerJSON([]byte(broken)), name)
	}
}

// The manifest Claude Desktop reads: the manifest_version mcpb 2.1.2 validates a binary
// server with, the version the release replaces, the key as a sensitive setting, read-only
// and sandbox as options, and every tool the server offers.
func TestBundleManifest(t *testing.T) {
	template, err := os.ReadFile("../packaging/mcpb/manifest.json")
	require.NoError(t, err)
	assert.Equal(t, 1, bytes.Count(template, []byte(`"version": "0.0.0",`)))
	raw, err := withTools(template) // as the release writes it
	require.NoError(t, err)
	var m struct {
		ManifestVersion string `json:"manifest_version"`
		Server          struct {
			Type      string `json:"type"`
			MCPConfig struct {
				Env map[string]string `json:"env"`
			} `json:"mcp_config"`
		} `json:"server"`
		Tools []struct {
			Name        string `json:"name"`
			Description string `json:"description"`
		} `json:"tools"`
		UserConfig map[string]struct {
			Type      string `json:"type"`
			Sensitive bool   `json:"sensitive"`
			Required  bool   `json:"required"`
		} `json:"user_config"`
	}
	require.NoError(t, json.Unmarshal(raw, &m))
	assert.Equal(t, "0.3", m.ManifestVersion)
	assert.Equal(t, "binary", m.Server.Type)
	assert.Equal(t, map[string]string{
		"BUFFER_API_KEY":       "${user_config.api_key}",
		"BUFFER_MCP_READ_ONLY": "${user_config.read_only}",
		"BUFFER_MCP_SANDBOX":   "${user_config.sandbox}",
		"BUFFER_MCP_TOOLSETS":  "${user_config.toolsets}",
	}, m.Server.MCPConfig.Env)
	assert.True(t, m.UserConfig["api_key"].Sensitive)
	assert.True(t, m.UserConfig["api_key"].Required)
	assert.Equal(t, "boolean", m.UserConfig["read_only"].Type)
	assert.Equal(t, "boolean", m.UserConfig["sandbox"].Type)
	var names []string
	for _, tool := range m.Tools {
		names = append(names, tool.Name)
		assert.NotEmpty(t, tool.Description, tool.Name)
	}
	ts, err := tools.New(tools.Deps{}).Select(tools.Selection{})
	require.NoError(t, err)
	var offered []string
	for _, tool := range ts {
		offered = append(offered, tool.Definition.Name)
	}
	assert.ElementsMatch(t, offered, names, "the manifest lists the tools the bundle offers: those of the default toolsets")
}

// CI installs the mcpb CLI this command checks for.
func TestMCPBPinnedInCI(t *testing.T) {
	var pkg struct {
		Dependencies map[string]string `json:"dependencies"`
	}
	raw, err := os.ReadFile("../.ci/mcpb/package.json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, &pkg))
	assert.Equal(t, mcpbVersion, pkg.Dependencies["@anthropic-ai/mcpb"])
	var lock struct {
		Packages map[string]struct {
			Version string `json:"version"`
		} `json:"packages"`
	}
	raw, err = os.ReadFile("../.ci/mcpb/package-lock.json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, &lock))
	assert.Equal(t, mcpbVersion, lock.Packages["node_modules/@anthropic-ai/mcpb"].Version)
}

// machoHeader is the smallest Mach-O executable header debug/macho reads: no load commands.
func machoHeader(cpu macho.Cpu, filler byte, size int) []byte {
	b := make([]byte, size)
	binary.LittleEndian.PutUint32(b[0:], macho.Magic64)
	binary.LittleEndian.PutUint32(b[4:], uint32(cpu))
	binary.LittleEndian.PutUint32(b[12:], uint32(macho.TypeExec))
	for i := 32; i < size; i++ {
		b[i] = filler
	}
	return b
}

func TestUniversalBinary(t *testing.T) {
	dir := t.TempDir()
	intel, arm := machoHeader(macho.CpuAmd64, 0xaa, 5000), machoHeader(macho.CpuArm64, 0xbb, 20000)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "amd64"), intel, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "arm64"), arm, 0o755))
	out := filepath.Join(dir, "universal")
	require.NoError(t, writeUniversal(out, filepath.Join(dir, "amd64"), filepath.Join(dir, "arm64")))

	data, err := os.ReadFile(out)
	require.NoError(t, err)
	f, err := macho.NewFatFile(bytes.NewReader(data))
	require.NoError(t, err)
	require.Len(t, f.Arches, 2)
	for i, want := range []struct {
		cpu  macho.Cpu
		data []byte
	}{{macho.CpuAmd64, intel}, {macho.CpuArm64, arm}} {
		a := f.Arches[i]
		assert.Equal(t, want.cpu, a.Cpu)
		assert.Equal(t, uint32(fatAlign), a.Align)
		assert.Zero(t, a.Offset%(1<<fatAlign), "slice %d is aligned", i)
		assert.Equal(t, want.data, data[a.Offset:a.Offset+a.Size], "slice %d is the binary unchanged", i)
	}
}

// An archive holds one folder with the binary (executable) and the README, with the
// commit's time on each file.
func TestArchives(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "bin")
	require.NoError(t, os.WriteFile(bin, []byte("binary"), 0o700))
	v := version{tag: "v1.2.3", semver: "1.2.3"}
	s := source{commit: strings.Repeat("c", 40), time: time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)}
	for _, tg := range []target{{"linux", "arm64"}, {"windows", "amd64"}} {
		name, err := writeArchive(dir, v, s, artifact{target: tg, path: bin})
		require.NoError(t, err)
		files, modes, err := readArchive(filepath.Join(dir, name))
		require.NoError(t, err)
		base := "buffer-mcp_1.2.3_" + tg.String() + "/"
		assert.Equal(t, []byte("binary"), files[base+tg.exe()])
		assert.Equal(t, os.FileMode(0o755), modes[base+tg.exe()].Perm())
		assert.Contains(t, string(files[base+"README.md"]), "# buffer-mcp")
		assert.Len(t, files, 2)
	}
}

func TestVersions(t *testing.T) {
	s := source{commit: "0123456789abcdef0123456789abcdef01234567"}
	v, err := newVersion("", s)
	require.NoError(t, err)
	assert.Equal(t, version{tag: "v0.0.0-snapshot.0123456789ab", semver: "0.0.0-snapshot.0123456789ab"}, v)
	v, err = newVersion("v1.2.3-rc.1", s)
	require.NoError(t, err)
	assert.Equal(t, version{tag: "v1.2.3-rc.1", semver: "1.2.3-rc.1"}, v)
	for _, bad := range []string{"1.2.3", "v1.2", "latest", "v1.2.3 "} {
		_, err := newVersion(bad, s)
		assert.Error(t, err, bad)
	}
}

func TestFirstSentence(t *testing.T) {
	assert.Equal(t, "One post in full, e.g. to check it.", firstSentence("One post in full, e.g. to check it. Ids come from list_posts."))
	assert.Equal(t, "No full stop", firstSentence("No full stop"))
	assert.Equal(t, "Ends here.", firstSentence("Ends here."))
}
