import { all, apiCalled, exitedFrom, not, pid1HasOtherHostPid, pid1Killed, runningFrom } from '../predicates.ts';
import type { Lesson } from '../types.ts';

/** Lesson 2: namespaces (PID, UTS, network, mount, user); PID 1 inside is another PID outside. */
export const namespaces: Lesson = {
  id: 'namespaces',
  order: 2,
  title: { en: 'Namespaces', 'pt-BR': 'Namespaces' },
  intro: {
    en: 'What makes a process feel like it has a machine to itself? Namespaces: the kernel gives it its own view of process IDs (PID), host name (UTS), network interfaces (net), mounted filesystems (mount) and user IDs (user). Nothing is copied; the process just sees a different slice of the same host.',
    'pt-BR': 'O que faz um processo achar que tem uma máquina só pra ele? Os namespaces: o kernel dá a ele uma visão própria dos IDs de processo (PID), do nome do host (UTS), das interfaces de rede (net), dos sistemas de arquivos montados (mount) e dos IDs de usuário (user). Nada é copiado; o processo só enxerga uma fatia diferente do mesmo host.',
  },
  steps: [
    {
      run: 'docker run -d --name box alpine sleep 1000',
      say: {
        en: 'Start a container whose only process is sleep. In the Processes view it gets a box: its PID namespace.',
        'pt-BR': 'Suba um contêiner cujo único processo é um sleep. Na aba Processos ele ganha uma caixa: o namespace de PID dele.',
      },
    },
    {
      run: 'docker exec box ps',
      say: {
        en: 'Inside, sleep is PID 1, the first process of its PID namespace, and it sees nothing of the host’s processes.',
        'pt-BR': 'Lá dentro, o sleep é o PID 1, o primeiro processo do seu namespace de PID, e não enxerga nenhum processo do host.',
      },
    },
    {
      run: "docker inspect -f '{{.State.Pid}}' box",
      say: {
        en: 'The same process, seen from the host: another PID. One process, two numbers, one per namespace.',
        'pt-BR': 'O mesmo processo, visto do host: outro PID. Um processo, dois números, um em cada namespace.',
      },
    },
    {
      run: 'docker exec box hostname',
      say: {
        en: 'UTS namespace: the container has its own host name (its short ID). Compare with hostname on the host.',
        'pt-BR': 'Namespace UTS: o contêiner tem um nome de host próprio (o ID curto dele). Compare com o hostname no host.',
      },
    },
    {
      run: 'docker exec box ip addr',
      say: {
        en: 'Network namespace: its own lo and eth0 with a 172.17.x.x address. The mount namespace gives it the image’s files as / (try docker exec box ls /). The user namespace is not remapped by default: root inside is root on the host (docker exec box id).',
        'pt-BR': 'Namespace de rede: lo e eth0 próprios, com um endereço 172.17.x.x. O namespace de mount mostra os arquivos da imagem como / (experimente docker exec box ls /). O namespace de usuário não é remapeado por padrão: root dentro é root no host (docker exec box id).',
      },
    },
    {
      run: "kill -9 $(docker inspect -f '{{.State.Pid}}' box)",
      say: {
        en: 'Kill PID 1 from the host. When PID 1 dies the kernel tears down its PID namespace, and the container is gone with it: watch the box disappear.',
        'pt-BR': 'Mate o PID 1 a partir do host. Quando o PID 1 morre, o kernel desmonta o namespace de PID dele, e o contêiner vai junto: veja a caixa sumir.',
      },
    },
    {
      run: 'docker start box',
      say: {
        en: 'Start it again: a new process, so a new host PID, yet PID 1 inside once more.',
        'pt-BR': 'Inicie de novo: é um processo novo, com outro PID no host, mas de novo o PID 1 lá dentro.',
      },
    },
  ],
  goals: [
    {
      id: 'pid1-elsewhere',
      text: { en: 'A container’s PID 1 runs with another PID on the host', 'pt-BR': 'O PID 1 de um contêiner roda com outro PID no host' },
      met: pid1HasOtherHostPid,
    },
    {
      id: 'looked-inside',
      text: { en: 'You ran a command inside the namespaces (docker exec)', 'pt-BR': 'Você rodou um comando dentro dos namespaces (docker exec)' },
      met: apiCalled(/^POST \/containers\/[^/]+\/exec/),
    },
    {
      id: 'pid1-killed',
      text: { en: 'Killing PID 1 ended a container', 'pt-BR': 'Matar o PID 1 encerrou um contêiner' },
      met: pid1Killed,
    },
  ],
  hints: [
    {
      id: 'no-command',
      when: all(exitedFrom('alpine', 0), not(runningFrom('alpine')), not(pid1Killed)),
      text: {
        en: 'Your alpine container exited at once. Its default command is sh, which quits when no terminal is attached. Give it something to do: docker run -d --name box alpine sleep 1000 (docker rm box first if the name is taken).',
        'pt-BR': 'Seu contêiner alpine saiu na hora. O comando padrão dele é o sh, que termina quando não há terminal ligado. Dê algo pra ele fazer: docker run -d --name box alpine sleep 1000 (antes, docker rm box se o nome já estiver em uso).',
      },
    },
    {
      id: 'restart-after-kill',
      when: all(pid1Killed, not(runningFrom('alpine'))),
      text: {
        en: 'The container died with its PID 1. Start it again with docker start box and compare its new host PID.',
        'pt-BR': 'O contêiner morreu junto com o PID 1. Inicie de novo com docker start box e compare o novo PID no host.',
      },
    },
  ],
  quiz: [
    {
      id: 'two-pids',
      question: { en: 'sleep is PID 1 in the container. What is its PID on the host?', 'pt-BR': 'O sleep é o PID 1 no contêiner. Qual é o PID dele no host?' },
      choices: [
        { en: 'Also 1: there is only one PID per process', 'pt-BR': 'Também 1: cada processo tem um PID só' },
        { en: 'Another number: each PID namespace numbers it separately', 'pt-BR': 'Outro número: cada namespace de PID numera o processo do seu jeito' },
        { en: 'None: the host cannot see it', 'pt-BR': 'Nenhum: o host não enxerga o processo' },
      ],
      answer: 1,
      explain: {
        en: 'docker inspect showed its host PID; the host sees every process, the container only its own.',
        'pt-BR': 'O docker inspect mostrou o PID do host; o host vê todos os processos, o contêiner só os dele.',
      },
    },
    {
      id: 'kill-pid1',
      question: { en: 'What happens when a container’s PID 1 dies?', 'pt-BR': 'O que acontece quando o PID 1 de um contêiner morre?' },
      choices: [
        { en: 'Docker picks another process as PID 1', 'pt-BR': 'O Docker escolhe outro processo pra ser o PID 1' },
        { en: 'Nothing, the container keeps running', 'pt-BR': 'Nada, o contêiner continua rodando' },
        { en: 'The kernel kills the rest of its PID namespace and the container stops', 'pt-BR': 'O kernel mata o resto do namespace de PID e o contêiner para' },
      ],
      answer: 2,
      explain: {
        en: 'The container lives as long as its PID 1: SIGKILL gave exit code 137 (128 + 9).',
        'pt-BR': 'O contêiner vive enquanto o PID 1 viver: o SIGKILL deu código de saída 137 (128 + 9).',
      },
    },
    {
      id: 'uts',
      question: { en: 'Which namespace gives the container its own host name?', 'pt-BR': 'Qual namespace dá ao contêiner um nome de host próprio?' },
      choices: [
        { en: 'UTS', 'pt-BR': 'UTS' },
        { en: 'mount', 'pt-BR': 'mount' },
        { en: 'user', 'pt-BR': 'user' },
      ],
      answer: 0,
      explain: {
        en: 'UTS (UNIX Time-sharing System) holds the host and domain names.',
        'pt-BR': 'O UTS (UNIX Time-sharing System) guarda o nome do host e o de domínio.',
      },
    },
  ],
  solution: [
    'docker run -d --name box alpine sleep 1000',
    'docker exec box ps',
    "docker inspect -f '{{.State.Pid}}' box",
    'docker exec box hostname',
    'hostname',
    'docker exec box ip addr',
    "kill -9 $(docker inspect -f '{{.State.Pid}}' box)",
    'docker start box',
  ],
};
