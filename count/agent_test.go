package count

import "testing"

func TestAgents(t *testing.T) {
	type want struct{ typ, agent, role string }
	cases := []struct {
		text string
		want []want
	}{
		// The action that killed, or a by-phrase, after the count.
		{"Three villagers were killed in police firing near the mill.", []want{{"KILL", "police firing", "COP"}}},
		{"About 100 people were shot dead by the police.", []want{{"KILL", "police", "COP"}}},
		{"Two militants were killed in an encounter with security forces.", []want{{"KILL", "security forces", "COP"}}},
		{"Two suspects were killed in an encounter in the district.", []want{{"KILL", "encounter", "COP"}}},
		{"Two men were killed by a mob, police said.", []want{{"KILL", "mob", ""}}},
		{"Some 77 deaths were due to police firing.", []want{{"KILL", "police firing", "COP"}}},
		// The subject of a trigger before the number.
		{"Police fired at the mob, killing one and injuring at least eight others.", []want{{"KILL", "Police", "COP"}, {"WOUND", "Police", "COP"}}},
		{"Troops shot dead 12 smugglers.", []want{{"KILL", "Troops", "MIL"}}},
		{"Two gunmen killed five guards.", []want{{"KILL", "gunmen", ""}}},
		{"The two gunmen who shot dead five policemen escaped.", []want{{"KILL", "gunmen", ""}}},
		{"Police arrested 14 men after the clashes.", []want{{"ARREST", "Police", "COP"}}},
		// A state force firing elsewhere in the sentence.
		{"Four persons were killed and five injured when police opened fire to disperse a mob.", []want{{"KILL", "police", "COP"}, {"WOUND", "police", "COP"}}},
		{"The officer ordered firing at the rioters and four persons were killed.", []want{{"KILL", "firing at the rioters", "COP"}}},
		// No agent: another verb's by-phrase, a manner the police do not
		// use, the police as the victims.
		{"Police said 14 bodies were recovered by the police on Wednesday.", []want{{"KILL", "", ""}}},
		{"Two persons were stabbed to death and the police fired in the air.", []want{{"KILL", "", ""}}},
		{"Five policemen were killed when militants opened fire.", []want{{"KILL", "", ""}}},
		// "in police" with a typo in the action, or at a cut line
		{"One man was killed in police firnig at the market.", []want{{"KILL", "police firnig", "COP"}}},
		{"One man was killed in police shootng at the market.", []want{{"KILL", "police shootng", "COP"}}},
		{"One man died in police custody.", []want{{"KILL", "police custody", "COP"}}},
		{"Two persons have been killed in police", []want{{"KILL", "police", "COP"}}},
		{"Two persons were killed in police station premises.", []want{{"KILL", "", ""}}},
		// armed men killed with no one named: a state force, unnamed
		{"Two insurgents were shot dead near the bridge.", []want{{"KILL", "", "MIL"}}},
		{"The police chief said three gunmen were killed on the spot.", []want{{"KILL", "", "COP"}}},
		{"Two militants were killed when their bomb exploded.", []want{{"KILL", "", ""}}},
		{"Four rebels were killed in clashes between rival factions.", []want{{"KILL", "", ""}}},
		{"Three villagers were shot dead near the bridge.", []want{{"KILL", "", ""}}},
	}
	for _, c := range cases {
		got := annotate(t, c.text)
		if len(got) != len(c.want) {
			t.Errorf("%q: got %d counts %+v, want %d", c.text, len(got), got, len(c.want))
			continue
		}
		for i, w := range c.want {
			g := got[i]
			if g.Type != w.typ || g.Agent != w.agent || g.AgentRole != w.role {
				t.Errorf("%q: got %s agent %q/%q, want %s %q/%q", c.text, g.Type, g.Agent, g.AgentRole, w.typ, w.agent, w.role)
				continue
			}
			switch {
			case g.Agent == "" && g.AgentSpan != nil:
				t.Errorf("%q: agent span %v without an agent", c.text, *g.AgentSpan)
			case g.Agent != "" && (g.AgentSpan == nil || c.text[g.AgentSpan.Start:g.AgentSpan.End] != g.Agent):
				t.Errorf("%q: agent span %v does not hold %q", c.text, g.AgentSpan, g.Agent)
			}
		}
	}
}
